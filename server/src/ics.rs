//! iCalendar (RFC 5545) files for events.

fn ics_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (RFC 5545 §3.1) without splitting a UTF-8 character.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for ch in line.chars() {
        let w = ch.len_utf8();
        if width + w > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += w;
    }
    out.push_str("\r\n");
    out
}

fn ics_time(secs: i64) -> String {
    chrono::DateTime::<chrono::Utc>::from_timestamp(secs, 0)
        .unwrap_or_default()
        .format("%Y%m%dT%H%M%SZ")
        .to_string()
}

/// What the calendar file says about one event, in one language.
pub struct IcsEvent {
    pub id: i64,
    pub title: String,
    pub summary: String,
    pub starts: i64,
    pub ends: i64,
    pub venue: Option<String>,
    pub address: Option<String>,
    pub geo: Option<(f64, f64)>,
    pub online_url: Option<String>,
    pub cancelled: bool,
    pub updated: i64,
    /// The event page in the app.
    pub page_url: Option<String>,
    pub lang: String,
}

/// An RFC 5545 VCALENDAR with one VEVENT: times in UTC, `DTSTAMP` = `now`, one `URL` (the
/// event page in the app), the online link in `LOCATION` (online-only events) and in the
/// description, texts escaped and lines folded at 75 octets with CRLF.
pub fn ics(e: &IcsEvent, now: i64) -> String {
    let online_label = match e.lang.as_str() {
        "sv" => "På nätet",
        "en" => "Online",
        _ => "Verkossa",
    };
    let page_label = match e.lang.as_str() {
        "sv" => "Evenemangets sida",
        "en" => "Event page",
        _ => "Tapahtuman sivu",
    };
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Osallistu//Reference server//FI".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:event-{}@osallistu", e.id),
        format!("DTSTAMP:{}", ics_time(now)),
        format!("LAST-MODIFIED:{}", ics_time(e.updated)),
        format!("DTSTART:{}", ics_time(e.starts)),
        format!("DTEND:{}", ics_time(e.ends)),
        format!("SUMMARY:{}", ics_escape(&e.title)),
    ];
    let mut desc = Vec::new();
    if !e.summary.is_empty() {
        desc.push(e.summary.clone());
    }
    if let Some(u) = &e.online_url {
        desc.push(format!("{online_label}: {u}"));
    }
    if let Some(u) = &e.page_url {
        desc.push(format!("{page_label}: {u}"));
    }
    if !desc.is_empty() {
        lines.push(format!("DESCRIPTION:{}", ics_escape(&desc.join("\n\n"))));
    }
    let mut location: Vec<String> = e.venue.iter().chain(&e.address).cloned().collect();
    if location.is_empty() {
        if let Some(u) = &e.online_url {
            location.push(format!("{online_label}: {u}"));
        }
    }
    if !location.is_empty() {
        lines.push(format!("LOCATION:{}", ics_escape(&location.join(", "))));
    }
    if let Some((lat, lon)) = e.geo {
        lines.push(format!("GEO:{lat:.6};{lon:.6}"));
    }
    if let Some(u) = &e.page_url {
        lines.push(format!("URL:{u}"));
    }
    lines.push(format!(
        "STATUS:{}",
        if e.cancelled {
            "CANCELLED"
        } else {
            "CONFIRMED"
        }
    ));
    lines.push("END:VEVENT".to_owned());
    lines.push("END:VCALENDAR".to_owned());
    lines.iter().map(|l| fold(l)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ics_text() {
        assert_eq!(ics_escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let long = "X".repeat(200);
        let folded = fold(&long);
        assert!(folded.split("\r\n").all(|l| l.len() <= 75));
        let umlauts = format!("SUMMARY:{}", "ä".repeat(100));
        for line in fold(&umlauts).split("\r\n") {
            assert!(line.len() <= 75);
        }
    }

    fn sample() -> IcsEvent {
        IcsEvent {
            id: 7,
            title: "Työpaja; kävelykatu, osa 2".into(),
            summary: "Tule mukaan!\nKahvia tarjolla.".into(),
            // 2026-03-28T14:00:00Z – the day before the spring switch.
            starts: 1_774_706_400,
            ends: 1_774_713_600,
            venue: Some("Kaupungintalo".into()),
            address: Some("Raatihuoneentori 1, 06100 Virtala".into()),
            geo: Some((60.3961, 25.6648)),
            online_url: Some("https://meet.example/x".into()),
            cancelled: false,
            updated: 1_774_000_000,
            page_url: Some("https://osallistu.example/events/7".into()),
            lang: "fi".into(),
        }
    }

    fn unfold(text: &str) -> Vec<String> {
        text.replace("\r\n ", "")
            .split("\r\n")
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn calendar_file_has_one_url_back_to_the_app_and_utc_times() {
        let text = ics(&sample(), 1_774_100_000);
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'));
        let lines = unfold(&text);
        let has = |l: &str| lines.iter().any(|x| x == l);
        assert!(has("UID:event-7@osallistu"));
        assert!(has("DTSTAMP:20260321T133320Z"));
        assert!(has("DTSTART:20260328T140000Z"));
        assert!(has("DTEND:20260328T160000Z"));
        assert!(has("SUMMARY:Työpaja\\; kävelykatu\\, osa 2"));
        assert!(has("URL:https://osallistu.example/events/7"));
        assert_eq!(lines.iter().filter(|l| l.starts_with("URL:")).count(), 1);
        assert!(has(
            "LOCATION:Kaupungintalo\\, Raatihuoneentori 1\\, 06100 Virtala"
        ));
        assert!(has(
            "DESCRIPTION:Tule mukaan!\\nKahvia tarjolla.\\n\\nVerkossa: https://meet.example/x\\n\\nTapahtuman sivu: https://osallistu.example/events/7"
        ));
        assert!(has("GEO:60.396100;25.664800"));
        assert!(text.split("\r\n").all(|l| l.len() <= 75));
    }

    #[test]
    fn online_only_events_have_the_link_as_location_and_cancelled_ones_say_so() {
        let mut e = sample();
        e.venue = None;
        e.address = None;
        e.geo = None;
        e.cancelled = true;
        e.page_url = None;
        e.lang = "en".into();
        let lines = unfold(&ics(&e, 0));
        assert!(lines.contains(&"LOCATION:Online: https://meet.example/x".to_owned()));
        assert!(lines.contains(&"STATUS:CANCELLED".to_owned()));
        assert!(!lines
            .iter()
            .any(|l| l.starts_with("URL:") || l.starts_with("GEO:")));
    }
}
