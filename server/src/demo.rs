//! The demo town: Virtala (sv. Virtby), a fictional riverside town drawn on the map where
//! Porvoo lies, with plans, comments, projects and events whose dates follow "now".

use rusqlite::{params, Connection, Transaction};
use serde_json::{json, Value};

use crate::geo;
use crate::secrets::{new_secret, sha256_hex};

mod big;
pub use big::seed_big_plan;

const DAY: i64 = 86_400;

/// Cleans administrator-provided rich text (HTML) before it is stored.
pub fn sanitize_rich(html: &str) -> String {
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
        .url_schemes(["https", "http", "mailto", "tel"].into_iter().collect())
        .clean(html)
        .to_string()
}

fn l(fi: &str, sv: &str, en: &str) -> String {
    json!({"fi": fi, "sv": sv, "en": en}).to_string()
}

fn rich(fi: &str, sv: &str, en: &str) -> String {
    json!({"fi": sanitize_rich(fi), "sv": sanitize_rich(sv), "en": sanitize_rich(en)}).to_string()
}

/// A small deterministic generator (64-bit LCG with an output mix) so the demo is the same every time.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let mut x = self.0;
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51afd7ed558ccd);
        x ^= x >> 33;
        x
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

fn ring(points: &[(f64, f64)]) -> Value {
    let mut coords: Vec<Value> = points.iter().map(|(x, y)| json!([x, y])).collect();
    coords.push(json!([points[0].0, points[0].1]));
    json!({"type": "Polygon", "coordinates": [coords]})
}

fn inside(points: &[(f64, f64)], x: f64, y: f64) -> bool {
    let mut c = false;
    let n = points.len();
    let mut j = n - 1;
    for i in 0..n {
        let (xi, yi) = points[i];
        let (xj, yj) = points[j];
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
            c = !c;
        }
        j = i;
    }
    c
}

fn point_in(rng: &mut Lcg, poly: &[(f64, f64)]) -> (f64, f64) {
    let (mut w, mut s, mut e, mut n) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for (x, y) in poly {
        w = w.min(*x);
        e = e.max(*x);
        s = s.min(*y);
        n = n.max(*y);
    }
    loop {
        let x = w + rng.unit() * (e - w);
        let y = s + rng.unit() * (n - s);
        if inside(poly, x, y) {
            return ((x * 1e6).round() / 1e6, (y * 1e6).round() / 1e6);
        }
    }
}

fn date(t: i64) -> String {
    chrono::DateTime::<chrono::Utc>::from_timestamp(t, 0)
        .unwrap_or_default()
        .format("%Y-%m-%d")
        .to_string()
}

struct PlanSeed<'a> {
    slug: &'a str,
    title: [&'a str; 3],
    summary: [&'a str; 3],
    description: [&'a str; 3],
    area: [&'a str; 3],
    phase: &'a str,
    polygon: &'a [(f64, f64)],
    /// Comment period relative to now, in days.
    opens: i64,
    closes: i64,
    /// Start of each phase up to the current one, days relative to now.
    phase_starts: &'a [i64],
}

const JOKIRANTA: &[(f64, f64)] = &[
    (25.6552, 60.3884),
    (25.6610, 60.3879),
    (25.6668, 60.3887),
    (25.6712, 60.3901),
    (25.6706, 60.3927),
    (25.6651, 60.3936),
    (25.6596, 60.3931),
    (25.6560, 60.3912),
];
const KESKUSTA: &[(f64, f64)] = &[
    (25.6598, 60.3936),
    (25.6652, 60.3938),
    (25.6689, 60.3951),
    (25.6681, 60.3979),
    (25.6630, 60.3984),
    (25.6592, 60.3966),
];
const MANTYMAKI: &[(f64, f64)] = &[
    (25.6405, 60.3982),
    (25.6478, 60.3976),
    (25.6521, 60.3999),
    (25.6507, 60.4043),
    (25.6433, 60.4051),
    (25.6398, 60.4020),
];
const SATAMA: &[(f64, f64)] = &[
    (25.6680, 60.3822),
    (25.6761, 60.3815),
    (25.6803, 60.3846),
    (25.6779, 60.3878),
    (25.6711, 60.3882),
    (25.6676, 60.3856),
];
const KIRKONMAKI: &[(f64, f64)] = &[
    (25.6502, 60.3902),
    (25.6551, 60.3898),
    (25.6589, 60.3921),
    (25.6574, 60.3944),
    (25.6519, 60.3941),
];
const PELTOLA: &[(f64, f64)] = &[
    (25.6752, 60.3962),
    (25.6846, 60.3958),
    (25.6903, 60.3990),
    (25.6881, 60.4041),
    (25.6790, 60.4046),
    (25.6744, 60.4004),
];

fn insert_plan(tx: &Transaction<'_>, p: &PlanSeed<'_>, now: i64) -> rusqlite::Result<i64> {
    let geometry = ring(p.polygon);
    let b = geo::validate(&geometry, geo::Allowed::Area, "")
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.message.into()))?;
    let created = now + p.phase_starts.first().copied().unwrap_or(-30) * DAY;
    let updated = now + p.phase_starts.last().copied().unwrap_or(-30) * DAY;
    tx.execute(
        "INSERT INTO plans (slug, title, summary, description, area_name, phase, geometry, min_lon, min_lat, max_lon, max_lat, \
         comments_open_at, comments_close_at, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        params![
            p.slug,
            l(p.title[0], p.title[1], p.title[2]),
            l(p.summary[0], p.summary[1], p.summary[2]),
            rich(p.description[0], p.description[1], p.description[2]),
            l(p.area[0], p.area[1], p.area[2]),
            p.phase,
            geometry.to_string(),
            b.west,
            b.south,
            b.east,
            b.north,
            now + p.opens * DAY,
            now + p.closes * DAY,
            created,
            updated,
        ],
    )?;
    let id = tx.last_insert_rowid();
    let phases = crate::domain::PHASES;
    for (i, start) in p.phase_starts.iter().enumerate() {
        let end = p
            .phase_starts
            .get(i + 1)
            .map(|next| date(now + (next - 1) * DAY));
        tx.execute(
            "INSERT INTO plan_phases (plan_id, phase, starts_on, ends_on) VALUES (?1, ?2, ?3, ?4)",
            params![id, phases[i], date(now + start * DAY), end],
        )?;
    }
    // Upcoming phases get their planned dates too.
    let mut next = p.phase_starts.last().copied().unwrap_or(0);
    for phase in phases.iter().skip(p.phase_starts.len()) {
        next += 120;
        tx.execute(
            "INSERT INTO plan_phases (plan_id, phase, starts_on, ends_on) VALUES (?1, ?2, ?3, NULL)",
            params![id, phase, date(now + next * DAY)],
        )?;
    }
    let docs = [
        (
            l("Kaavakartta", "Plankarta", "Plan map"),
            "plan_map",
            "application/pdf",
            2_457_600,
        ),
        (
            l("Kaavaselostus", "Planbeskrivning", "Plan description"),
            "description",
            "application/pdf",
            1_184_512,
        ),
        (
            l(
                "Osallistumis- ja arviointisuunnitelma",
                "Program för deltagande och bedömning",
                "Participation and assessment plan",
            ),
            "participation_plan",
            "application/pdf",
            402_944,
        ),
    ];
    for (i, (title, kind, media, size)) in docs.iter().enumerate() {
        tx.execute(
            "INSERT INTO plan_documents (plan_id, position, title, url, doc_type, media_type, size_bytes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![id, i as i64, title, format!("https://virtala.example/kaavoitus/{}/{}.pdf", p.slug, kind), kind, media, size],
        )?;
    }
    tx.execute(
        "INSERT INTO plan_contacts (plan_id, position, name, role, organization, email, phone) VALUES (?1, 0, ?2, ?3, ?4, ?5, ?6)",
        params![
            id,
            "Aino Lehtonen",
            l("Kaavoitusarkkitehti", "Planläggningsarkitekt", "Planning architect"),
            "Virtalan kaupunki / Virtby stad",
            "aino.lehtonen@virtala.example",
            "+358 40 123 4567"
        ],
    )?;
    tx.execute(
        "INSERT INTO plan_contacts (plan_id, position, name, role, organization, email, phone) VALUES (?1, 1, ?2, ?3, ?4, ?5, ?6)",
        params![
            id,
            "Mikael Sjöberg",
            l("Liikenneinsinööri", "Trafikingenjör", "Traffic engineer"),
            "Virtalan kaupunki / Virtby stad",
            "mikael.sjoberg@virtala.example",
            Option::<String>::None
        ],
    )?;
    Ok(id)
}

const FI_OPENERS: &[&str] = &[
    "Hyvä suunnitelma, mutta",
    "Asun tässä lähellä ja",
    "Kannatan ajatusta.",
    "Toivoisin, että",
    "Huolenani on, että",
    "Kiitos mahdollisuudesta kommentoida!",
    "Lapsiperheen näkökulmasta",
    "Iäkkäänä asukkaana",
];
const FI_POINTS: &[&str] = &[
    "rantaan tarvitaan lisää penkkejä ja valaistusta.",
    "tähän kohtaan pitäisi saada suojatie, autot ajavat liian lujaa.",
    "vanhat koivut kannattaa säilyttää, ne ovat alueen sielu.",
    "pyörätie katkeaa tässä ja se on vaarallista.",
    "talvella tämä kohta on aina jäinen, lumityöt pitää miettiä.",
    "uudet kerrostalot eivät saa varjostaa puistoa iltapäivisin.",
    "koirapuisto sopisi tähän hyvin.",
    "venelaituri olisi upea lisä joen varteen.",
    "pysäköintipaikkoja on jo nyt liian vähän.",
    "leikkipuisto pitäisi aidata joen puolelta.",
    "tulvat on otettava huomioon, vesi nousi tänne keväällä.",
    "kahvila tai kioski toisi elämää rantaan.",
    "bussipysäkki kannattaa siirtää lähemmäs risteystä.",
    "tämä polku on tärkeä koulureitti.",
    "melu moottoritieltä kuuluu tänne, tarvitaan meluaita.",
];
const SV_TEXTS: &[&str] = &[
    "Bra förslag, men strandpromenaden behöver bättre belysning.",
    "Här behövs ett övergångsställe, bilarna kör för fort.",
    "Spara de gamla björkarna, de är en del av områdets karaktär.",
    "Cykelvägen tar slut här och det är farligt.",
    "En brygga för småbåtar skulle passa bra vid ån.",
    "Tänk på översvämningarna, vattnet steg hit i våras.",
];
const EN_TEXTS: &[&str] = &[
    "Great idea, but the riverside path needs more benches.",
    "Please keep the old birch trees here.",
    "A pedestrian crossing is badly needed at this corner.",
    "The cycle path ends abruptly here, which is dangerous.",
];
const REPLIES: &[&str] = &[
    "Samaa mieltä!",
    "Tämä on totta, olen huomannut saman.",
    "En ole samaa mieltä, nykyinen ratkaisu toimii hyvin.",
    "Håller med helt.",
    "Hyvä huomio, toivottavasti kaupunki ottaa tämän huomioon.",
    "Agreed, this matters a lot for families.",
];
const NICKS: &[&str] = &[
    "Jokirannan Jaana",
    "Matti V.",
    "pyöräilijä",
    "Lena från Åstranden",
    "koiranulkoiluttaja",
    "Seppo",
    "Äiti kolmelle",
    "Kalle K.",
    "Rantalan asukas",
    "Emma",
    "Pekka",
    "Birgitta",
];

/// A resident's comment: mostly Finnish, some Swedish and English.
fn comment_text(rng: &mut Lcg) -> String {
    let lang = rng.below(100);
    if lang < 75 {
        let opener = rng.pick(FI_OPENERS);
        let point = rng.pick(FI_POINTS);
        if opener.ends_with('.') || opener.ends_with('!') {
            let mut chars = point.chars();
            let first: String = chars
                .next()
                .map(|c| c.to_uppercase().collect())
                .unwrap_or_default();
            format!("{opener} {first}{}", chars.as_str())
        } else {
            format!("{opener} {point}")
        }
    } else if lang < 90 {
        rng.pick(SV_TEXTS).to_string()
    } else {
        rng.pick(EN_TEXTS).to_string()
    }
}

fn seed_comments(
    tx: &Transaction<'_>,
    plan_id: i64,
    poly: &[(f64, f64)],
    n: usize,
    opened: i64,
    now: i64,
    rng: &mut Lcg,
) -> rusqlite::Result<Vec<i64>> {
    let mut top: Vec<i64> = Vec::new();
    let mut all = Vec::new();
    let span = (now - opened).max(DAY);
    let mut times: Vec<i64> = (0..n)
        .map(|_| opened + rng.below(span as u64) as i64)
        .collect();
    times.sort_unstable();
    for created in times {
        let is_reply = !top.is_empty() && rng.below(100) < 8;
        let nickname = if rng.below(100) < 55 {
            Some(rng.pick(NICKS).to_string())
        } else {
            None
        };
        if is_reply {
            let parent = *rng.pick(&top);
            let text = rng.pick(REPLIES).to_string();
            tx.execute(
                "INSERT INTO comments (plan_id, parent_id, text, nickname, created_at, n_votes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![plan_id, parent, text, nickname, created, rng.below(6) as i64],
            )?;
            tx.execute(
                "UPDATE comments SET n_replies = n_replies + 1 WHERE id = ?1",
                [parent],
            )?;
            all.push(tx.last_insert_rowid());
            continue;
        }
        let text = comment_text(rng);
        let kind = rng.below(100);
        let geometry = if kind < 88 {
            let (x, y) = point_in(rng, poly);
            Some(json!({"type": "Point", "coordinates": [x, y]}))
        } else if kind < 94 {
            let (x1, y1) = point_in(rng, poly);
            let (x2, y2) = point_in(rng, poly);
            Some(json!({"type": "LineString", "coordinates": [[x1, y1], [x2, y2]]}))
        } else {
            None
        };
        let b = match &geometry {
            Some(g) => Some(
                geo::validate(g, geo::Allowed::Comment, "")
                    .map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.message.into()))?,
            ),
            None => None,
        };
        // Votes follow a long tail: most comments get a few, some get many.
        let votes = (rng.unit().powi(4) * 120.0) as i64;
        tx.execute(
            "INSERT INTO comments (plan_id, text, nickname, geometry, min_lon, min_lat, max_lon, max_lat, created_at, n_votes) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                plan_id,
                text,
                nickname,
                geometry.map(|g| g.to_string()),
                b.map(|b| b.west),
                b.map(|b| b.south),
                b.map(|b| b.east),
                b.map(|b| b.north),
                created,
                votes
            ],
        )?;
        let id = tx.last_insert_rowid();
        top.push(id);
        all.push(id);
    }
    Ok(all)
}

fn demo_participant(tx: &Transaction<'_>, now: i64) -> rusqlite::Result<i64> {
    tx.execute(
        "INSERT INTO participants (token_hash, created_at) VALUES (?1, ?2)",
        params![sha256_hex(new_secret().as_bytes()), now - 10 * DAY],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Seeds the demo town when the database has no plans, projects or events. Returns whether it seeded.
pub fn seed_if_empty(conn: &mut Connection, now: i64) -> rusqlite::Result<bool> {
    let used: i64 = conn.query_row(
        "SELECT (SELECT COUNT(*) FROM plans) + (SELECT COUNT(*) FROM projects) + (SELECT COUNT(*) FROM events)",
        [],
        |r| r.get(0),
    )?;
    if used > 0 {
        return Ok(false);
    }
    let tx = conn.transaction()?;
    seed(&tx, now)?;
    refresh_search(&tx)?;
    tx.commit()?;
    Ok(true)
}

fn seed(tx: &Transaction<'_>, now: i64) -> rusqlite::Result<()> {
    let mut rng = Lcg(0x005E_ED0F_7A1A);
    let jokiranta = insert_plan(tx, &PlanSeed {
        slug: "jokiranta",
        title: ["Jokirannan asemakaava", "Detaljplan för Åstranden", "Jokiranta detailed plan"],
        summary: [
            "Joen itärannalle suunnitellaan asuinkortteleita noin 1 200 asukkaalle, rantapuisto ja uusi kevyen liikenteen yhteys.",
            "På åns östra strand planeras bostadskvarter för cirka 1 200 invånare, en strandpark och en ny gång- och cykelförbindelse.",
            "Housing for about 1,200 residents, a riverside park and a new walking and cycling link are planned on the east bank of the river.",
        ],
        description: [
            "<p>Kaavaluonnoksessa entinen varastoalue muutetaan asuinalueeksi. Rantaan jätetään <strong>vähintään 30 metriä leveä</strong> puistovyöhyke.</p><ul><li>Asuinrakennukset 3–6 kerrosta</li><li>Rantapuisto ja venelaituri</li><li>Silta kevyelle liikenteelle keskustaan</li></ul><p>Merkitse kartalle paikat, joista haluat sanoa jotain.</p>",
            "<p>I planutkastet omvandlas det tidigare lagerområdet till bostadsområde. Längs stranden lämnas en parkzon som är <strong>minst 30 meter bred</strong>.</p><ul><li>Bostadshus i 3–6 våningar</li><li>Strandpark och båtbrygga</li><li>Bro för gång- och cykeltrafik till centrum</li></ul><p>Markera på kartan de platser du vill kommentera.</p>",
            "<p>The draft plan turns the former warehouse area into housing. A park zone <strong>at least 30 metres wide</strong> is kept along the shore.</p><ul><li>Residential buildings of 3–6 storeys</li><li>Riverside park and a boat jetty</li><li>A walking and cycling bridge to the centre</li></ul><p>Mark the places you want to comment on the map.</p><script>alert('never stored')</script>",
        ],
        area: ["Jokiranta", "Åstranden", "Jokiranta"],
        phase: "draft",
        polygon: JOKIRANTA,
        opens: -21,
        closes: 24,
        phase_starts: &[-400, -300, -21],
    }, now)?;
    let keskusta = insert_plan(tx, &PlanSeed {
        slug: "kauppakatu",
        title: ["Kauppakadun kävelykatu", "Gågatan på Handelsgatan", "Kauppakatu pedestrian street"],
        summary: [
            "Kauppakatu muutetaan kävelykaduksi torin ja kirkon välillä. Kerro mielipiteesi ja vastaa kyselyyn.",
            "Handelsgatan görs till gågata mellan torget och kyrkan. Säg din åsikt och svara på enkäten.",
            "Kauppakatu becomes a pedestrian street between the market square and the church. Tell us what you think and answer the survey.",
        ],
        description: [
            "<p>Ehdotuksessa autoliikenne siirretään Rantakadulle. Huoltoajo sallitaan aamuisin klo 6–10.</p><p>Lue lisää <a href=\"https://virtala.example/kavelykatu\">hankkeen sivulta</a>.</p>",
            "<p>I förslaget flyttas biltrafiken till Strandgatan. Servicetrafik tillåts på morgnarna kl. 6–10.</p><p>Läs mer på <a href=\"https://virtala.example/kavelykatu\">projektets sida</a>.</p>",
            "<p>The proposal moves car traffic to Rantakatu. Deliveries are allowed in the mornings from 6 to 10.</p><p>Read more on <a href=\"https://virtala.example/kavelykatu\" onclick=\"steal()\">the project page</a>.</p>",
        ],
        area: ["Keskusta", "Centrum", "Centre"],
        phase: "proposal",
        polygon: KESKUSTA,
        opens: -7,
        closes: 21,
        phase_starts: &[-500, -420, -200, -7],
    }, now)?;
    let mantymaki = insert_plan(tx, &PlanSeed {
        slug: "mantymaen-koulukortteli",
        title: ["Mäntymäen koulukortteli", "Skolkvarteret i Tallbacka", "Mäntymäki school block"],
        summary: [
            "Koulun laajennus ja uusi päiväkoti. Osallistumis- ja arviointisuunnitelma on nähtävillä.",
            "Utvidgning av skolan och ett nytt daghem. Programmet för deltagande och bedömning finns till påseende.",
            "School extension and a new day-care centre. The participation and assessment plan is open for viewing.",
        ],
        description: [
            "<p>Kaavatyö on alussa. Nyt on hyvä hetki kertoa, miten koululaiset kulkevat alueella ja mitä lähiliikuntapaikalta toivotaan.</p>",
            "<p>Planarbetet har just börjat. Nu är det ett bra tillfälle att berätta hur skolbarnen rör sig i området och vad ni önskar av närmotionsplatsen.</p>",
            "<p>Planning has just started. Now is a good time to tell us how pupils move around the area and what you would like from the local sports ground.</p>",
        ],
        area: ["Mäntymäki", "Tallbacka", "Mäntymäki"],
        phase: "participation_plan",
        polygon: MANTYMAKI,
        opens: -3,
        closes: 40,
        phase_starts: &[-90, -3],
    }, now)?;
    let _satama = insert_plan(tx, &PlanSeed {
        slug: "satama",
        title: ["Sataman täydennysrakentaminen", "Kompletteringsbyggande i Hamnen", "Harbour infill development"],
        summary: [
            "Kaavoitus on vireillä. Kommentointi avautuu, kun osallistumis- ja arviointisuunnitelma valmistuu.",
            "Planläggningen har inletts. Kommenteringen öppnar när programmet för deltagande och bedömning är klart.",
            "Planning has been initiated. Commenting opens when the participation and assessment plan is ready.",
        ],
        description: [
            "<p>Satama-alueelle tutkitaan asumista, palveluja ja vierasvenesatamaa.</p>",
            "<p>För hamnområdet utreds boende, service och en gästhamn.</p>",
            "<p>Housing, services and a guest harbour are being studied for the harbour area.</p>",
        ],
        area: ["Satama", "Hamnen", "Harbour"],
        phase: "initiated",
        polygon: SATAMA,
        opens: 30,
        closes: 75,
        phase_starts: &[-14],
    }, now)?;
    let kirkonmaki = insert_plan(tx, &PlanSeed {
        slug: "kirkonmaki",
        title: ["Kirkonmäen täydennyskaava", "Kompletteringsplan för Kyrkbacken", "Kirkonmäki infill plan"],
        summary: [
            "Kaupunginvaltuusto hyväksyi kaavan. Kommentointi on päättynyt.",
            "Stadsfullmäktige har godkänt planen. Kommenteringen har avslutats.",
            "The city council has approved the plan. Commenting has closed.",
        ],
        description: [
            "<p>Kaava mahdollistaa kaksi uutta pientaloa ja suojelee vanhan pappilan pihapiirin.</p>",
            "<p>Planen möjliggör två nya småhus och skyddar den gamla prästgårdens gårdsmiljö.</p>",
            "<p>The plan allows two new detached houses and protects the old vicarage courtyard.</p>",
        ],
        area: ["Kirkonmäki", "Kyrkbacken", "Kirkonmäki"],
        phase: "approved",
        polygon: KIRKONMAKI,
        opens: -150,
        closes: -120,
        phase_starts: &[-600, -500, -300, -150, -20],
    }, now)?;
    let peltola = insert_plan(tx, &PlanSeed {
        slug: "peltola",
        title: ["Peltolan pientaloalue", "Småhusområdet i Åkerby", "Peltola detached housing area"],
        summary: [
            "Kaava on tullut voimaan ja alueen rakentaminen on alkanut.",
            "Planen har vunnit laga kraft och byggandet har börjat.",
            "The plan is in force and construction has started.",
        ],
        description: [
            "<p>Alueelle rakennetaan noin 80 pientaloa, puisto ja kevyen liikenteen silta.</p>",
            "<p>I området byggs cirka 80 småhus, en park och en bro för gång- och cykeltrafik.</p>",
            "<p>About 80 detached houses, a park and a walking and cycling bridge are being built.</p>",
        ],
        area: ["Peltola", "Åkerby", "Peltola"],
        phase: "in_force",
        polygon: PELTOLA,
        opens: -700,
        closes: -660,
        phase_starts: &[-1000, -900, -700, -600, -450, -400],
    }, now)?;

    // About 1,000 located comments on Jokiranta (plus replies and a few without a place).
    let ids = seed_comments(
        tx,
        jokiranta,
        JOKIRANTA,
        1160,
        now - 21 * DAY,
        now - 600,
        &mut rng,
    )?;
    for (i, reason) in [
        (ids[17], "Contains personal data about a neighbour."),
        (ids[301], "Offensive language."),
        (ids[702], "Advertising."),
    ] {
        tx.execute(
            "UPDATE comments SET state = 'hidden', hidden_reason = ?2 WHERE id = ?1",
            params![i, reason],
        )?;
    }
    seed_comments(
        tx,
        mantymaki,
        MANTYMAKI,
        25,
        now - 3 * DAY,
        now - 600,
        &mut rng,
    )?;
    seed_comments(
        tx,
        kirkonmaki,
        KIRKONMAKI,
        40,
        now - 150 * DAY,
        now - 121 * DAY,
        &mut rng,
    )?;

    // Survey questions on Kauppakatu, with answered comments.
    let q1 = question(
        tx,
        keskusta,
        0,
        "single_choice",
        true,
        (
            "Mitä mieltä olet kävelykadusta?",
            "Vad tycker du om gågatan?",
            "What do you think of the pedestrian street?",
        ),
        &[
            ("Kannatan", "Jag stöder den", "I support it"),
            (
                "Kannatan muutoksin",
                "Jag stöder den med ändringar",
                "I support it with changes",
            ),
            ("Vastustan", "Jag motsätter mig den", "I oppose it"),
        ],
    )?;
    let q2 = question(
        tx,
        keskusta,
        1,
        "multiple_choice",
        false,
        (
            "Mitä kadulle pitäisi tulla?",
            "Vad borde finnas på gatan?",
            "What should the street have?",
        ),
        &[
            ("Penkkejä", "Bänkar", "Benches"),
            (
                "Puita ja istutuksia",
                "Träd och planteringar",
                "Trees and plants",
            ),
            ("Pyöräpysäköintiä", "Cykelparkering", "Bicycle parking"),
            ("Terasseja", "Uteserveringar", "Outdoor cafés"),
            ("Leikkipaikka", "Lekplats", "Playground"),
        ],
    )?;
    let cids = seed_comments(
        tx,
        keskusta,
        KESKUSTA,
        60,
        now - 7 * DAY,
        now - 600,
        &mut rng,
    )?;
    for cid in cids {
        let parent: Option<i64> =
            tx.query_row("SELECT parent_id FROM comments WHERE id = ?1", [cid], |r| {
                r.get(0)
            })?;
        if parent.is_some() {
            continue;
        }
        let o1 = q1.1[rng.below(3) as usize];
        tx.execute(
            "INSERT INTO comment_answers (comment_id, question_id, option_id) VALUES (?1, ?2, ?3)",
            [cid, q1.0, o1],
        )?;
        for o in &q2.1 {
            if rng.below(100) < 40 {
                tx.execute("INSERT INTO comment_answers (comment_id, question_id, option_id) VALUES (?1, ?2, ?3)", [cid, q2.0, *o])?;
            }
        }
    }

    // Projects with updates.
    let rantapuisto = project(tx, now, "rantapuisto", "in_progress",
        ["Jokirannan rantapuisto", "Strandparken vid Åstranden", "Jokiranta riverside park"],
        ["Joen varteen rakennetaan puisto, jossa on leikkipaikka, kuntoiluvälineitä ja venelaituri.", "Längs ån byggs en park med lekplats, utegym och båtbrygga.", "A park with a playground, outdoor gym and a boat jetty is being built along the river."],
        Some(point_in(&mut Lcg(7), JOKIRANTA)), &[jokiranta], -200, Some(300),
        &[(-120, ("Puiston yleissuunnitelma valmis", "Parkens översiktsplan klar", "Park master plan ready"), ("Yleissuunnitelma on hyväksytty. Kiitos kaikille kommentoineille!", "Översiktsplanen har godkänts. Tack till alla som kommenterade!", "The master plan has been approved. Thank you to everyone who commented!")),
          (-30, ("Rakennustyöt alkavat", "Byggarbetet börjar", "Construction begins"), ("Työmaa-aidat pystytetään rantaan ensi viikolla. Rantapolku on suljettu kesään asti.", "Byggstängsel sätts upp nästa vecka. Strandstigen är stängd till sommaren.", "Site fences go up next week. The shore path is closed until summer.")),
          (-2, ("Laituri asennettu", "Bryggan installerad", "Jetty installed"), ("Uusi venelaituri on paikallaan. Käyttöön se otetaan keväällä.", "Den nya båtbryggan är på plats. Den tas i bruk på våren.", "The new jetty is in place. It opens in spring."))])?;
    let kavelykatu = project(tx, now, "kavelykatu", "planned",
        ["Kauppakadun kävelykatu", "Gågatan på Handelsgatan", "Kauppakatu pedestrian street"],
        ["Keskustan pääkadusta tehdään kävelykatu. Rakentaminen alkaa, kun kaava on hyväksytty.", "Centrums huvudgata blir gågata. Byggandet börjar när planen har godkänts.", "The main street of the centre becomes a pedestrian street. Construction starts once the plan is approved."],
        Some((25.6641, 60.3958)), &[keskusta], -60, None,
        &[(-50, ("Kysely avattu", "Enkäten har öppnats", "Survey opened"), ("Kerro mielipiteesi kävelykadusta kaavan kommenttikyselyssä.", "Säg vad du tycker om gågatan i planens enkät.", "Tell us what you think about the pedestrian street in the plan survey.")),
          (-7, ("Kaavaehdotus nähtävillä", "Planförslaget finns till påseende", "Plan proposal on display"), ("Ehdotus on nähtävillä kolme viikkoa. Myös kaupungintalon aulassa on pienoismalli.", "Förslaget finns till påseende i tre veckor. Det finns också en modell i stadshusets lobby.", "The proposal is on display for three weeks. There is also a scale model in the city hall lobby."))])?;
    let koulu = project(
        tx,
        now,
        "mantymaen-koulu",
        "in_progress",
        [
            "Mäntymäen koulun laajennus",
            "Utvidgningen av Tallbacka skola",
            "Mäntymäki school extension",
        ],
        [
            "Koulu laajenee 200 oppilaalla ja saa uuden liikuntasalin.",
            "Skolan utvidgas med plats för 200 elever och får en ny gymnastiksal.",
            "The school grows by 200 pupils and gets a new sports hall.",
        ],
        Some(point_in(&mut Lcg(11), MANTYMAKI)),
        &[mantymaki],
        -90,
        Some(700),
        &[
            (
                -80,
                (
                    "Tarveselvitys valmis",
                    "Behovsutredningen klar",
                    "Needs assessment complete",
                ),
                (
                    "Oppilasmäärät kasvavat alueella seuraavat kymmenen vuotta.",
                    "Elevantalet i området växer under de kommande tio åren.",
                    "Pupil numbers in the area will grow over the next ten years.",
                ),
            ),
            (
                -3,
                (
                    "Osallistumissuunnitelma nähtävillä",
                    "Programmet för deltagande till påseende",
                    "Participation plan on display",
                ),
                (
                    "Kommentoi kaavan lähtökohtia 40 päivän ajan.",
                    "Kommentera planens utgångspunkter under 40 dagar.",
                    "Comment on the starting points of the plan for 40 days.",
                ),
            ),
            (
                -1,
                (
                    "Verkkoinfo tulossa",
                    "Webbinfo på kommande",
                    "Online info session coming",
                ),
                (
                    "Järjestämme verkkoinfon, jossa voit kysyä suunnittelijoilta.",
                    "Vi ordnar ett webbinfo där du kan fråga planerarna.",
                    "We are holding an online session where you can ask the planners questions.",
                ),
            ),
        ],
    )?;
    let silta = project(
        tx,
        now,
        "peltolan-silta",
        "completed",
        [
            "Peltolan kevyen liikenteen silta",
            "Gång- och cykelbron i Åkerby",
            "Peltola walking and cycling bridge",
        ],
        [
            "Uusi silta yhdistää Peltolan keskustaan. Silta avattiin liikenteelle.",
            "Den nya bron förbinder Åkerby med centrum. Bron har öppnats för trafik.",
            "The new bridge links Peltola to the centre. It is now open.",
        ],
        Some((25.6771, 60.3951)),
        &[peltola],
        -500,
        Some(-30),
        &[
            (
                -200,
                ("Perustukset valettu", "Grunden gjuten", "Foundations cast"),
                (
                    "Sillan perustukset on valettu joen molemmin puolin.",
                    "Brons grund har gjutits på båda sidor om ån.",
                    "The bridge foundations have been cast on both banks.",
                ),
            ),
            (
                -30,
                ("Silta avattu", "Bron öppnad", "Bridge opened"),
                (
                    "Silta on avattu kävelijöille ja pyöräilijöille.",
                    "Bron har öppnats för gående och cyklister.",
                    "The bridge is open to pedestrians and cyclists.",
                ),
            ),
        ],
    )?;
    let _ = (koulu, silta);

    // Events.
    let t16 = |days: i64| (now.div_euclid(DAY) + days) * DAY + 16 * 3600;
    event(
        tx,
        now,
        EventSeed {
            slug: "jokiranta-asukasilta",
            title: [
                "Jokirannan asukasilta",
                "Invånarkväll om Åstranden",
                "Jokiranta residents' evening",
            ],
            summary: [
                "Kaavoittajat esittelevät luonnoksen ja vastaavat kysymyksiin.",
                "Planerarna presenterar utkastet och svarar på frågor.",
                "The planners present the draft and answer questions.",
            ],
            topics: &["planning", "housing"],
            starts: t16(5),
            hours: 2,
            venue: Some((
                "Virtalan kirjasto, Joki-sali",
                "Virtby bibliotek, Åsalen",
                "Virtala library, River hall",
                "Kirjastokatu 3, 06100 Virtala",
                25.6627,
                60.3942,
            )),
            online: None,
            free: true,
            price: None,
            capacity: Some(60),
            project: Some(rantapuisto),
        },
    )?;
    let full = event(
        tx,
        now,
        EventSeed {
            slug: "kavelykatu-tyopaja",
            title: [
                "Kävelykadun suunnittelutyöpaja",
                "Planeringsverkstad för gågatan",
                "Pedestrian street design workshop",
            ],
            summary: [
                "Suunnitellaan yhdessä kadun kalusteet ja istutukset. Paikkoja on rajoitetusti.",
                "Vi planerar gatans möbler och planteringar tillsammans. Begränsat antal platser.",
                "Let's design the street furniture and plants together. Places are limited.",
            ],
            topics: &["planning", "traffic"],
            starts: t16(9),
            hours: 3,
            venue: Some((
                "Kaupungintalo, valtuustosali",
                "Stadshuset, fullmäktigesalen",
                "City hall, council chamber",
                "Raatihuoneentori 1, 06100 Virtala",
                25.6648,
                60.3961,
            )),
            online: None,
            free: true,
            price: None,
            capacity: Some(12),
            project: Some(kavelykatu),
        },
    )?;
    event(
        tx,
        now,
        EventSeed {
            slug: "mantymaki-verkkoinfo",
            title: [
                "Verkkoinfo: Mäntymäen koulukortteli",
                "Webbinfo: Skolkvarteret i Tallbacka",
                "Online info: Mäntymäki school block",
            ],
            summary: [
                "Etätilaisuus, jossa kuulet kaavan lähtökohdista ja voit kysyä chatissa.",
                "Distansmöte där du hör om planens utgångspunkter och kan fråga i chatten.",
                "An online session on the starting points of the plan, with questions in the chat.",
            ],
            topics: &["planning", "schools"],
            starts: t16(7),
            hours: 1,
            venue: None,
            online: Some("https://meet.virtala.example/mantymaki"),
            free: true,
            price: None,
            capacity: None,
            project: Some(koulu),
        },
    )?;
    event(
        tx,
        now,
        EventSeed {
            slug: "silta-avajaiset",
            title: [
                "Peltolan sillan avajaiset",
                "Invigning av bron i Åkerby",
                "Peltola bridge opening",
            ],
            summary: [
                "Juhlistimme uutta siltaa musiikin ja kahvin kera.",
                "Vi firade den nya bron med musik och kaffe.",
                "We celebrated the new bridge with music and coffee.",
            ],
            topics: &["traffic", "culture"],
            starts: t16(-30),
            hours: 2,
            venue: Some((
                "Peltolan silta",
                "Åkerby bro",
                "Peltola bridge",
                "Siltatie, 06150 Virtala",
                25.6771,
                60.3951,
            )),
            online: None,
            free: true,
            price: None,
            capacity: Some(200),
            project: Some(silta),
        },
    )?;
    event(
        tx,
        now,
        EventSeed {
            slug: "satamakavely",
            title: [
                "Opastettu kävely satamassa",
                "Guidad promenad i hamnen",
                "Guided walk in the harbour",
            ],
            summary: [
                "Kävelemme kaava-alueen läpi ja kuulemme sataman historiasta.",
                "Vi promenerar genom planområdet och hör om hamnens historia.",
                "We walk through the plan area and hear about the history of the harbour.",
            ],
            topics: &["planning", "nature"],
            starts: t16(14),
            hours: 2,
            venue: Some((
                "Satamakonttori",
                "Hamnkontoret",
                "Harbour office",
                "Satamatie 8, 06100 Virtala",
                25.6729,
                60.3851,
            )),
            online: None,
            free: true,
            price: None,
            capacity: Some(25),
            project: None,
        },
    )?;
    event(
        tx,
        now,
        EventSeed {
            slug: "arkkitehtuurikavely",
            title: [
                "Arkkitehtuurikävely vanhassa keskustassa",
                "Arkitekturvandring i gamla centrum",
                "Architecture walk in the old town",
            ],
            summary: [
                "Arkkitehdin opastama kierros puutalokortteleissa. Osallistumismaksu 5 €.",
                "Rundvandring bland trähuskvarteren med en arkitekt. Avgift 5 €.",
                "A tour of the wooden house blocks with an architect. Fee €5.",
            ],
            topics: &["culture", "planning"],
            starts: t16(12),
            hours: 2,
            venue: Some((
                "Tori, suihkulähde",
                "Torget, fontänen",
                "Market square fountain",
                "Raatihuoneentori, 06100 Virtala",
                25.6652,
                60.3955,
            )),
            online: None,
            free: false,
            price: Some(("5 €", "5 €", "€5")),
            capacity: Some(30),
            project: None,
        },
    )?;
    event(
        tx,
        now,
        EventSeed {
            slug: "kaavoituskatsaus",
            title: [
                "Kaavoituskatsaus 2027",
                "Planläggningsöversikt 2027",
                "Planning review 2027",
            ],
            summary: [
                "Kaupunki esittelee ensi vuoden kaavoitushankkeet. Tilaisuus myös striimataan.",
                "Staden presenterar nästa års planläggningsprojekt. Mötet strömmas också.",
                "The city presents next year's planning projects. The meeting is also streamed.",
            ],
            topics: &["planning"],
            starts: t16(21),
            hours: 2,
            venue: Some((
                "Kaupungintalo, valtuustosali",
                "Stadshuset, fullmäktigesalen",
                "City hall, council chamber",
                "Raatihuoneentori 1, 06100 Virtala",
                25.6648,
                60.3961,
            )),
            online: Some("https://meet.virtala.example/katsaus"),
            free: true,
            price: None,
            capacity: Some(80),
            project: None,
        },
    )?;
    event(
        tx,
        now,
        EventSeed {
            slug: "asukaskahvit",
            title: [
                "Ikäihmisten asukaskahvit",
                "Invånarkaffe för seniorer",
                "Residents' coffee for seniors",
            ],
            summary: [
                "Kahvin äärellä keskustellaan kävelyreiteistä ja penkkien paikoista.",
                "Vid kaffebordet diskuterar vi gångvägar och var bänkarna ska stå.",
                "Over coffee we discuss walking routes and where benches should go.",
            ],
            topics: &["wellbeing", "traffic"],
            starts: t16(3),
            hours: 2,
            venue: Some((
                "Palvelutalo Koivula",
                "Servicehuset Björkbo",
                "Koivula service centre",
                "Koivukuja 2, 06100 Virtala",
                25.6583,
                60.3917,
            )),
            online: None,
            free: true,
            price: None,
            capacity: Some(40),
            project: None,
        },
    )?;

    // The workshop is full: 12 seats taken and three people on the waitlist.
    let names = [
        "Liisa Koskinen",
        "Jari Nieminen",
        "Anna Holmström",
        "Timo Laine",
        "Sari Heikkinen",
        "Oskar Lindqvist",
        "Minna Mäkelä",
        "Ville Salo",
        "Ella Virtanen",
        "Juha Rantanen",
        "Sofia Ek",
        "Pertti Hämäläinen",
        "Noora Lahti",
        "Erik Grönroos",
        "Helena Kallio",
    ];
    for (i, name) in names.iter().enumerate() {
        let p = demo_participant(tx, now)?;
        let status = if i < 12 { "attending" } else { "waitlisted" };
        tx.execute(
            "INSERT INTO registrations (event_id, participant_id, name, email, seats, status, cancel_token_hash, created_at) VALUES (?1, ?2, ?3, NULL, 1, ?4, ?5, ?6)",
            params![full, p, name, status, sha256_hex(new_secret().as_bytes()), now - (20 - i as i64) * 3600],
        )?;
    }
    venue_details(tx)
}

/// The area of the town and the accessibility of each demo venue (the online event has none).
fn venue_details(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    let centre = l("Keskusta", "Centrum", "City centre");
    let rows: [(&str, String, String); 7] = [
        ("jokiranta-asukasilta", centre.clone(), l(
            "Esteetön sisäänkäynti Kirjastokadulta, hissi Joki-saliin, esteetön wc ja induktiosilmukka.",
            "Tillgänglig ingång från Biblioteksgatan, hiss till Åsalen, tillgänglig toalett och hörslinga.",
            "Step-free entrance from Kirjastokatu, a lift to the River hall, an accessible toilet and an induction loop.",
        )),
        ("kavelykatu-tyopaja", centre.clone(), l(
            "Pääovella luiska, hissi toiseen kerrokseen, esteetön wc ja induktiosilmukka valtuustosalissa.",
            "Ramp vid huvudingången, hiss till andra våningen, tillgänglig toalett och hörslinga i fullmäktigesalen.",
            "A ramp at the main door, a lift to the second floor, an accessible toilet and an induction loop in the council chamber.",
        )),
        ("kaavoituskatsaus", centre.clone(), l(
            "Pääovella luiska, hissi toiseen kerrokseen, esteetön wc ja induktiosilmukka valtuustosalissa.",
            "Ramp vid huvudingången, hiss till andra våningen, tillgänglig toalett och hörslinga i fullmäktigesalen.",
            "A ramp at the main door, a lift to the second floor, an accessible toilet and an induction loop in the council chamber.",
        )),
        ("arkkitehtuurikavely", centre, l(
            "Kävely kulkee katuja pitkin noin 2 km. Reitillä on kaksi portaikkoa, joiden ohi on merkitty kiertotie.",
            "Promenaden går längs gatorna, cirka 2 km. Längs rutten finns två trappor med en utmärkt omväg.",
            "The walk follows the streets for about 2 km. There are two flights of stairs on the route, each with a signed detour.",
        )),
        ("silta-avajaiset", l("Peltola", "Åkerby", "Peltola"), l(
            "Ulkotapahtuma. Sillalle pääsee loivaa luiskaa pitkin molemmista päistä; pinta on asfalttia.",
            "Evenemang utomhus. Bron nås längs en svag ramp från båda ändarna; ytan är asfalt.",
            "Outdoors. The bridge is reached by a gentle ramp from both ends; the surface is asphalt.",
        )),
        ("satamakavely", l("Satama", "Hamnen", "Harbour"), l(
            "Reitti kulkee osin mukulakivellä. Esteetön vaihtoehto kulkee rantaraittia pitkin.",
            "Rutten går delvis på kullersten. Ett tillgängligt alternativ går längs strandpromenaden.",
            "Part of the route is cobbled. A step-free alternative follows the shore path.",
        )),
        ("asukaskahvit", l("Koivula", "Björkbo", "Koivula"), l(
            "Esteetön sisäänkäynti, hissi ja esteetön wc. Avustaja pääsee mukaan maksutta.",
            "Tillgänglig ingång, hiss och tillgänglig toalett. En assistent deltar gratis.",
            "Step-free entrance, a lift and an accessible toilet. An assistant comes along free of charge.",
        )),
    ];
    for (slug, area, access) in rows {
        tx.execute(
            "UPDATE events SET venue_area = ?1, venue_accessibility = ?2 WHERE slug = ?3",
            params![area, access, slug],
        )?;
    }
    Ok(())
}

type Triple<'a> = (&'a str, &'a str, &'a str);

fn question(
    tx: &Transaction<'_>,
    plan: i64,
    pos: i64,
    kind: &str,
    required: bool,
    text: Triple<'_>,
    options: &[Triple<'_>],
) -> rusqlite::Result<(i64, Vec<i64>)> {
    tx.execute(
        "INSERT INTO questions (plan_id, position, kind, text, required) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![plan, pos, kind, l(text.0, text.1, text.2), required],
    )?;
    let q = tx.last_insert_rowid();
    let mut ids = Vec::new();
    for (i, o) in options.iter().enumerate() {
        tx.execute(
            "INSERT INTO question_options (question_id, position, text) VALUES (?1, ?2, ?3)",
            params![q, i as i64, l(o.0, o.1, o.2)],
        )?;
        ids.push(tx.last_insert_rowid());
    }
    Ok((q, ids))
}

#[allow(clippy::too_many_arguments)]
fn project(
    tx: &Transaction<'_>,
    now: i64,
    slug: &str,
    status: &str,
    title: [&str; 3],
    summary: [&str; 3],
    location: Option<(f64, f64)>,
    plans: &[i64],
    starts: i64,
    ends: Option<i64>,
    updates: &[(i64, Triple<'_>, Triple<'_>)],
) -> rusqlite::Result<i64> {
    let last = updates.iter().map(|u| u.0).max().unwrap_or(starts);
    let description = rich(
        &format!("<p>{}</p>", summary[0]),
        &format!("<p>{}</p>", summary[1]),
        &format!("<p>{}</p>", summary[2]),
    );
    tx.execute(
        "INSERT INTO projects (slug, title, summary, description, status, geometry, starts_on, ends_on, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            slug,
            l(title[0], title[1], title[2]),
            l(summary[0], summary[1], summary[2]),
            description,
            status,
            location.map(|(x, y)| json!({"type": "Point", "coordinates": [x, y]}).to_string()),
            date(now + starts * DAY),
            ends.map(|e| date(now + e * DAY)),
            now + starts * DAY,
            now + last * DAY,
        ],
    )?;
    let id = tx.last_insert_rowid();
    for plan in plans {
        tx.execute(
            "INSERT INTO project_plans (project_id, plan_id) VALUES (?1, ?2)",
            [id, *plan],
        )?;
    }
    for (days, t, b) in updates {
        tx.execute(
            "INSERT INTO project_updates (project_id, title, body, published_at) VALUES (?1, ?2, ?3, ?4)",
            params![id, l(t.0, t.1, t.2), l(b.0, b.1, b.2), now + days * DAY],
        )?;
    }
    Ok(id)
}

struct EventSeed<'a> {
    slug: &'a str,
    title: [&'a str; 3],
    summary: [&'a str; 3],
    topics: &'a [&'a str],
    starts: i64,
    hours: i64,
    venue: Option<(&'a str, &'a str, &'a str, &'a str, f64, f64)>,
    online: Option<&'a str>,
    free: bool,
    price: Option<Triple<'a>>,
    capacity: Option<i64>,
    project: Option<i64>,
}

fn event(tx: &Transaction<'_>, now: i64, e: EventSeed<'_>) -> rusqlite::Result<i64> {
    let description = rich(
        &format!("<p>{}</p><p>Tervetuloa!</p>", e.summary[0]),
        &format!("<p>{}</p><p>Välkommen!</p>", e.summary[1]),
        &format!("<p>{}</p><p>Welcome!</p>", e.summary[2]),
    );
    tx.execute(
        "INSERT INTO events (slug, title, summary, description, topics, starts_at, ends_at, venue_name, venue_address, lon, lat, \
         online_url, is_free, price, capacity, project_id, status, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, 'scheduled', ?17, ?17)",
        params![
            e.slug,
            l(e.title[0], e.title[1], e.title[2]),
            l(e.summary[0], e.summary[1], e.summary[2]),
            description,
            json!(e.topics).to_string(),
            e.starts,
            e.starts + e.hours * 3600,
            e.venue.map(|v| l(v.0, v.1, v.2)),
            e.venue.map(|v| v.3),
            e.venue.map(|v| v.4),
            e.venue.map(|v| v.5),
            e.online,
            e.free,
            e.price.map(|p| l(p.0, p.1, p.2)),
            e.capacity,
            e.project,
            (now - 40 * DAY).min(e.starts - 10 * DAY),
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// A SQLite file migrated by the storage layer, seeded here through rusqlite.
#[cfg(test)]
pub(crate) struct TestDb(std::cell::RefCell<Connection>);

#[cfg(test)]
impl TestDb {
    pub fn open(path: &std::path::Path) -> TestDb {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let db = crate::db::Db::open(path.to_str().unwrap()).await.unwrap();
            db.close().await;
        });
        TestDb(std::cell::RefCell::new(Connection::open(path).unwrap()))
    }

    pub fn with_writer<T>(&self, f: impl FnOnce(&mut Connection) -> T) -> T {
        f(&mut self.0.borrow_mut())
    }
}

/// Fills the `search` column of rows that lack it (while seeding goes through rusqlite).
pub fn refresh_search(conn: &Connection) -> rusqlite::Result<usize> {
    let mut n = 0;
    for (table, cols) in [
        ("plans", "title, summary, area_name"),
        ("projects", "title, summary, ''"),
        ("events", "title, summary, ''"),
    ] {
        let rows: Vec<(i64, String, String, String)> = conn
            .prepare(&format!("SELECT id, {cols} FROM {table} WHERE search = ''"))?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (id, a, b, c) in rows {
            let text = crate::l10n::search_text(&[&a, &b, &c]);
            conn.execute(
                &format!("UPDATE {table} SET search = ?1 WHERE id = ?2"),
                rusqlite::params![text, id],
            )?;
            n += 1;
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitizer_strips_scripts_and_handlers() {
        let out = sanitize_rich("<p onclick=\"x()\">Hei <script>alert(1)</script><a href=\"javascript:alert(1)\">x</a><img src=x onerror=alert(1)></p>");
        assert!(!out.contains("script"));
        assert!(!out.contains("onclick"));
        assert!(!out.contains("onerror"));
        assert!(!out.contains("javascript:"));
        assert!(out.contains("<p>Hei"));
    }

    #[test]
    fn seeds_once_and_deterministically() {
        let dir = tempfile::tempdir().unwrap();
        let db = TestDb::open(&dir.path().join("d.sqlite"));
        let now = 1_790_000_000;
        assert!(db.with_writer(|c| seed_if_empty(c, now)).unwrap());
        assert!(!db.with_writer(|c| seed_if_empty(c, now)).unwrap());
        let counts: (i64, i64, i64, i64) = db.with_writer(|c| {
            c.query_row(
                "SELECT (SELECT COUNT(*) FROM plans), (SELECT COUNT(*) FROM projects), (SELECT COUNT(*) FROM events), \
                 (SELECT COUNT(*) FROM comments WHERE plan_id = 1 AND geometry IS NOT NULL)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap()
        });
        assert_eq!((counts.0, counts.1, counts.2), (6, 4, 8));
        assert!(
            (950..=1050).contains(&counts.3),
            "located comments: {}",
            counts.3
        );
        let first: String = db.with_writer(|c| {
            c.query_row("SELECT geometry FROM comments WHERE id = 1", [], |r| {
                r.get(0)
            })
            .unwrap()
        });
        let dir2 = tempfile::tempdir().unwrap();
        let db2 = TestDb::open(&dir2.path().join("d.sqlite"));
        db2.with_writer(|c| seed_if_empty(c, now)).unwrap();
        let again: String = db2.with_writer(|c| {
            c.query_row("SELECT geometry FROM comments WHERE id = 1", [], |r| {
                r.get(0)
            })
            .unwrap()
        });
        assert_eq!(first, again);
        let desc: String = db.with_writer(|c| {
            c.query_row("SELECT description FROM plans WHERE id = 1", [], |r| {
                r.get(0)
            })
            .unwrap()
        });
        assert!(!desc.contains("<script"));
    }
}
