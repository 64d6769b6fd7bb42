//! An extra demo plan with very many located comments, for measuring how the app copes
//! (`--demo-big-plan N`). Deterministic like the rest of the demo town.

use rusqlite::{params, Connection, OptionalExtension};
use serde_json::{json, Value};

use super::{comment_text, insert_plan, point_in, Lcg, PlanSeed, DAY, NICKS, REPLIES};
use crate::geo;

pub const SLUG: &str = "suurkortteli";

/// West of the town centre, about 1.8 km across.
const SUURKORTTELI: &[(f64, f64)] = &[
    (25.6150, 60.3780),
    (25.6290, 60.3768),
    (25.6420, 60.3790),
    (25.6455, 60.3850),
    (25.6410, 60.3915),
    (25.6280, 60.3932),
    (25.6160, 60.3905),
    (25.6120, 60.3840),
];

fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// A standard normal number (Box–Muller).
fn normal(rng: &mut Lcg) -> f64 {
    let u = rng.unit().max(1e-12);
    let v = rng.unit();
    (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
}

/// A point near one of the busy spots (or anywhere in the area), always inside it.
fn place(rng: &mut Lcg, hot: &[(f64, f64)]) -> (f64, f64) {
    if rng.below(100) < 45 {
        return point_in(rng, SUURKORTTELI);
    }
    let (cx, cy) = *rng.pick(hot);
    loop {
        let x = cx + normal(rng) * 0.0018;
        let y = cy + normal(rng) * 0.0009;
        if super::inside(SUURKORTTELI, x, y) {
            return (round6(x), round6(y));
        }
    }
}

/// A point, line or area comment geometry lying wholly inside the plan area.
fn geometry(rng: &mut Lcg, hot: &[(f64, f64)]) -> Value {
    let inside = |x: f64, y: f64| super::inside(SUURKORTTELI, x, y);
    let roll = rng.below(100);
    loop {
        let (x, y) = place(rng, hot);
        match roll {
            0..=79 => return json!({"type": "Point", "coordinates": [x, y]}),
            80..=89 => {
                let mut coords = vec![json!([x, y])];
                let (mut px, mut py) = (x, y);
                for _ in 0..1 + rng.below(3) {
                    px = round6(px + (rng.unit() - 0.5) * 0.003);
                    py = round6(py + (rng.unit() - 0.5) * 0.0015);
                    coords.push(json!([px, py]));
                }
                if coords
                    .iter()
                    .all(|c| inside(c[0].as_f64().unwrap_or(0.0), c[1].as_f64().unwrap_or(0.0)))
                {
                    return json!({"type": "LineString", "coordinates": coords});
                }
            }
            _ => {
                // A small star-shaped (so simple) ring around the place.
                let n = 4 + rng.below(4) as usize;
                let mut ring: Vec<(f64, f64)> = (0..n)
                    .map(|i| {
                        let a = i as f64 / n as f64 * std::f64::consts::TAU;
                        let r = 0.4 + rng.unit() * 0.6;
                        (
                            round6(x + a.cos() * r * 0.0008),
                            round6(y + a.sin() * r * 0.0004),
                        )
                    })
                    .collect();
                if ring.iter().all(|(a, b)| inside(*a, *b)) {
                    ring.push(ring[0]);
                    let coords: Vec<Value> = ring.iter().map(|(a, b)| json!([a, b])).collect();
                    return json!({"type": "Polygon", "coordinates": [coords]});
                }
            }
        }
    }
}

/// Adds the plan "Suurkortteli" with `n` visible located comments (80 % points, 10 % lines,
/// 10 % areas, some of them replies), plus a few hidden ones and replies without a place, in
/// one transaction. Returns the plan id and whether it was seeded now (false: it already existed).
pub fn seed_big_plan(conn: &mut Connection, n: usize, now: i64) -> rusqlite::Result<(i64, bool)> {
    if let Some(id) = conn
        .query_row("SELECT id FROM plans WHERE slug = ?1", [SLUG], |r| r.get(0))
        .optional()?
    {
        return Ok((id, false));
    }
    let tx = conn.transaction()?;
    let plan_id = insert_plan(
        &tx,
        &PlanSeed {
            slug: SLUG,
            title: ["Suurkortteli", "Stor kvarter", "Big block"],
            summary: [
                "Laaja täydennysrakentamisalue, jota on kommentoitu poikkeuksellisen paljon.",
                "Ett stort område för kompletteringsbyggande som har fått ovanligt många kommentarer.",
                "A large infill development area that has received an unusually large number of comments.",
            ],
            description: [
                "<p>Alueelle suunnitellaan asuntoja, koulu ja puistoja. Kerro kartalla, mitä mieltä olet.</p>",
                "<p>I området planeras bostäder, en skola och parker. Berätta på kartan vad du tycker.</p>",
                "<p>Housing, a school and parks are planned for the area. Tell us on the map what you think.</p>",
            ],
            area: ["Suurkortteli", "Stora kvarteret", "Big block"],
            phase: "draft",
            polygon: SUURKORTTELI,
            opens: -60,
            closes: 30,
            phase_starts: &[-300, -200, -60],
        },
        now,
    )?;
    let mut rng = Lcg(0xB16_B10C ^ n as u64);
    let hot: Vec<(f64, f64)> = (0..9).map(|_| point_in(&mut rng, SUURKORTTELI)).collect();
    // One in 500 located comments is hidden by moderation, on top of the n visible ones.
    let hidden = n / 500;
    let located = n + hidden;
    let unlocated = n / 20;
    let opened = now - 60 * DAY;
    let span = (59 * DAY) as u64;
    let mut times: Vec<i64> = (0..located + unlocated)
        .map(|_| opened + rng.below(span) as i64)
        .collect();
    times.sort_unstable();
    let mut insert = tx.prepare_cached(
        "INSERT INTO comments (plan_id, parent_id, text, nickname, geometry, min_lon, min_lat, max_lon, max_lat, \
         created_at, n_votes, state, hidden_reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    let mut top: Vec<i64> = Vec::with_capacity(located);
    let mut replies: std::collections::HashMap<i64, i64> = std::collections::HashMap::new();
    let (mut left_located, mut left_unlocated, mut left_hidden) = (located, unlocated, hidden);
    for created in times {
        // Spread the kinds over time in proportion to what is left of each.
        let pick = rng.below((left_located + left_unlocated) as u64) as usize;
        let with_place = pick < left_located;
        let parent = if !with_place || (!top.is_empty() && rng.below(100) < 5) {
            top.get(rng.below(top.len() as u64) as usize).copied()
        } else {
            None
        };
        if !with_place && parent.is_none() {
            // The very first comments have nothing to reply to; give them a place instead.
            continue;
        }
        let nickname = (rng.below(100) < 55).then(|| rng.pick(NICKS).to_string());
        let (text, geometry) = if with_place {
            left_located -= 1;
            let text = if parent.is_some() {
                rng.pick(REPLIES).to_string()
            } else {
                comment_text(&mut rng)
            };
            (text, Some(geometry(&mut rng, &hot)))
        } else {
            left_unlocated -= 1;
            (rng.pick(REPLIES).to_string(), None)
        };
        let b = match &geometry {
            Some(g) => Some(
                geo::validate(g, geo::Allowed::Comment, "")
                    .map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.message.into()))?,
            ),
            None => None,
        };
        let hide = with_place && left_hidden > 0 && left_located % 500 == 0;
        if hide {
            left_hidden -= 1;
        }
        let votes = (rng.unit().powi(4) * 150.0) as i64;
        insert.execute(params![
            plan_id,
            parent,
            text,
            nickname,
            geometry.map(|g| g.to_string()),
            b.map(|b| b.west),
            b.map(|b| b.south),
            b.map(|b| b.east),
            b.map(|b| b.north),
            created,
            votes,
            if hide { "hidden" } else { "visible" },
            hide.then_some("Hidden by a moderator: off-topic advertising."),
        ])?;
        let id = tx.last_insert_rowid();
        match parent {
            Some(p) => *replies.entry(p).or_default() += 1,
            None => top.push(id),
        }
    }
    drop(insert);
    // Comments skipped above (nothing to reply to yet) and unused hidden slots: top up so that
    // exactly n visible located comments exist.
    let visible: i64 = tx.query_row(
        "SELECT COUNT(*) FROM comments WHERE plan_id = ?1 AND state = 'visible' AND geometry IS NOT NULL",
        [plan_id],
        |r| r.get(0),
    )?;
    for _ in visible..n as i64 {
        let g = geometry(&mut rng, &hot);
        let b = geo::validate(&g, geo::Allowed::Comment, "")
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.message.into()))?;
        tx.execute(
            "INSERT INTO comments (plan_id, text, geometry, min_lon, min_lat, max_lon, max_lat, created_at, n_votes) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![plan_id, comment_text(&mut rng), g.to_string(), b.west, b.south, b.east, b.north, now - 3600, 0],
        )?;
    }
    let mut bump = tx.prepare_cached("UPDATE comments SET n_replies = ?2 WHERE id = ?1")?;
    for (id, count) in replies {
        bump.execute([id, count])?;
    }
    drop(bump);
    super::refresh_search(&tx)?;
    tx.commit()?;
    Ok((plan_id, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_exactly_n_visible_located_comments_once() {
        let dir = tempfile::tempdir().unwrap();
        let db = crate::demo::TestDb::open(&dir.path().join("t.sqlite"));
        let now = 1_760_000_000;
        let (id, seeded) = db.with_writer(|c| seed_big_plan(c, 2000, now)).unwrap();
        assert!(seeded);
        let (again, seeded) = db.with_writer(|c| seed_big_plan(c, 2000, now)).unwrap();
        assert_eq!((again, seeded), (id, false));
        db.with_writer(|c| {
            let count = |sql: &str| -> i64 { c.query_row(sql, [id], |r| r.get(0)).unwrap() };
            assert_eq!(
                count("SELECT COUNT(*) FROM comments WHERE plan_id = ?1 AND state = 'visible' AND geometry IS NOT NULL"),
                2000
            );
            assert_eq!(
                count("SELECT COUNT(*) FROM comments WHERE plan_id = ?1 AND state = 'hidden'"),
                4
            );
            let kinds = |t: &str| -> i64 {
                c.query_row(
                    "SELECT COUNT(*) FROM comments WHERE plan_id = ?1 AND json_extract(geometry, '$.type') = ?2",
                    params![id, t],
                    |r| r.get(0),
                )
                .unwrap()
            };
            let (points, lines, areas) = (kinds("Point"), kinds("LineString"), kinds("Polygon"));
            assert!(points > 1500 && lines > 120 && areas > 120, "{points} {lines} {areas}");
            let located_replies = count(
                "SELECT COUNT(*) FROM comments WHERE plan_id = ?1 AND parent_id IS NOT NULL AND geometry IS NOT NULL",
            );
            let plain_replies = count(
                "SELECT COUNT(*) FROM comments WHERE plan_id = ?1 AND parent_id IS NOT NULL AND geometry IS NULL",
            );
            assert!(located_replies > 40 && plain_replies > 50, "{located_replies} {plain_replies}");
            // Reply counts match the replies.
            assert_eq!(
                count("SELECT SUM(n_replies) FROM comments WHERE plan_id = ?1"),
                located_replies + plain_replies
            );
            assert!(count("SELECT MAX(n_votes) FROM comments WHERE plan_id = ?1") > 50);
            // Every place lies inside the plan's bounds.
            assert_eq!(
                count(
                    "SELECT COUNT(*) FROM comments c JOIN plans p ON p.id = c.plan_id WHERE c.plan_id = ?1 \
                     AND c.geometry IS NOT NULL AND ((c.min_lon + c.max_lon) / 2 NOT BETWEEN p.min_lon AND p.max_lon \
                     OR (c.min_lat + c.max_lat) / 2 NOT BETWEEN p.min_lat AND p.max_lat)"
                ),
                0
            );
        });
    }
}
