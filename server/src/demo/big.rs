//! An extra demo plan with very many located comments, for measuring how the app copes
//! (`--demo-big-plan N`). Deterministic like the rest of the demo town.

use serde_json::{json, Value};

use super::gen::{comment_text, point_in, Lcg, NICKS, REPLIES};
use super::DAY;
use crate::db::rows::{self, Val};
use crate::db::{comments, migrate, plans, Db, DbResult};
use crate::geo;

pub const SLUG: &str = "suurkortteli";
const BIG_PLAN: &str = include_str!("../../demo/big-plan.json");

/// West of the town centre, about 1.8 km across (the plan's area in `big-plan.json`).
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
        if super::gen::inside(SUURKORTTELI, x, y) {
            return (round6(x), round6(y));
        }
    }
}

/// A point, line or area comment geometry lying wholly inside the plan area.
fn geometry(rng: &mut Lcg, hot: &[(f64, f64)]) -> Value {
    let inside = |x: f64, y: f64| super::gen::inside(SUURKORTTELI, x, y);
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
pub async fn seed_big_plan(db: &Db, n: usize, now: i64) -> DbResult<(i64, bool)> {
    if let Some(id) = plans::id_by_slug(db, SLUG).await? {
        return Ok((id, false));
    }
    let mut tx = db.begin().await?;
    crate::db::exclusive(&mut tx, db.engine(), super::SEED_LOCK).await?;
    if let Some(id) = plans::id_by_slug_in(&mut tx, SLUG).await? {
        return Ok((id, false));
    }
    let data = super::parse(BIG_PLAN);
    let (plan, phases) = (&data.tables[0], &data.tables[1]);
    let kinds = super::kinds(&mut tx, db, "plans", &plan.columns).await?;
    let vals: Vec<Val> = plan
        .columns
        .iter()
        .zip(&kinds)
        .zip(&plan.rows[0])
        .map(|((c, k), v)| super::value("plans", c, *k, v, now))
        .collect();
    let plan_id = rows::insert_returning_id(&mut tx, "plans", &plan.columns, &kinds, &vals).await?;
    let mut cols = vec!["plan_id".to_owned()];
    cols.extend(phases.columns.iter().cloned());
    let kinds = super::kinds(&mut tx, db, "plan_phases", &cols).await?;
    for row in &phases.rows {
        let mut vals = vec![Val::Int(plan_id)];
        vals.extend(
            phases
                .columns
                .iter()
                .zip(&kinds[1..])
                .zip(row)
                .map(|((c, k), v)| super::value("plan_phases", c, *k, v, now)),
        );
        rows::insert(&mut tx, "plan_phases", &cols, &kinds, &vals).await?;
    }
    let cols: Vec<String> = [
        "plan_id",
        "parent_id",
        "text",
        "nickname",
        "geometry",
        "min_lon",
        "min_lat",
        "max_lon",
        "max_lat",
        "created_at",
        "n_votes",
        "state",
        "hidden_reason",
    ]
    .iter()
    .map(|c| c.to_string())
    .collect();
    let kinds = super::kinds(&mut tx, db, "comments", &cols).await?;
    let text = |s: Option<String>| s.map(Val::Text).unwrap_or(Val::Null);
    let real = |v: Option<f64>| v.map(Val::Real).unwrap_or(Val::Null);
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
    let mut top: Vec<i64> = Vec::with_capacity(located);
    let mut replies: std::collections::HashMap<i64, i64> = std::collections::HashMap::new();
    let (mut left_located, mut left_unlocated, mut left_hidden) = (located, unlocated, hidden);
    let mut visible = 0;
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
        let (body, geometry) = if with_place {
            left_located -= 1;
            let body = if parent.is_some() {
                rng.pick(REPLIES).to_string()
            } else {
                comment_text(&mut rng)
            };
            (body, Some(geometry(&mut rng, &hot)))
        } else {
            left_unlocated -= 1;
            (rng.pick(REPLIES).to_string(), None)
        };
        let b = geometry
            .as_ref()
            .and_then(|g| geo::validate(g, geo::Allowed::Comment, "").ok());
        let hide = with_place && left_hidden > 0 && left_located % 500 == 0;
        if hide {
            left_hidden -= 1;
        } else if with_place {
            visible += 1;
        }
        let votes = (rng.unit().powi(4) * 150.0) as i64;
        let vals = vec![
            Val::Int(plan_id),
            parent.map(Val::Int).unwrap_or(Val::Null),
            Val::Text(body),
            text(nickname),
            text(geometry.map(|g| g.to_string())),
            real(b.map(|b| b.west)),
            real(b.map(|b| b.south)),
            real(b.map(|b| b.east)),
            real(b.map(|b| b.north)),
            Val::Int(created * crate::time::US),
            Val::Int(votes),
            Val::Text(if hide { "hidden" } else { "visible" }.to_owned()),
            text(hide.then(|| "Hidden by a moderator: off-topic advertising.".to_owned())),
        ];
        let id = rows::insert_returning_id(&mut tx, "comments", &cols, &kinds, &vals).await?;
        match parent {
            Some(p) => *replies.entry(p).or_default() += 1,
            None => top.push(id),
        }
    }
    // Comments skipped above (nothing to reply to yet) and unused hidden slots: top up so that
    // exactly n visible located comments exist.
    for _ in visible..n {
        let g = geometry(&mut rng, &hot);
        let b = geo::validate(&g, geo::Allowed::Comment, "").ok();
        let vals = vec![
            Val::Int(plan_id),
            Val::Null,
            Val::Text(comment_text(&mut rng)),
            Val::Null,
            Val::Text(g.to_string()),
            real(b.map(|b| b.west)),
            real(b.map(|b| b.south)),
            real(b.map(|b| b.east)),
            real(b.map(|b| b.north)),
            Val::Int((now - 3600) * crate::time::US),
            Val::Int(0),
            Val::Text("visible".to_owned()),
            Val::Null,
        ];
        rows::insert(&mut tx, "comments", &cols, &kinds, &vals).await?;
    }
    for (id, count) in replies {
        comments::set_reply_count(&mut tx, id, count).await?;
    }
    migrate::refresh_search(&mut tx).await?;
    tx.commit().await?;
    Ok((plan_id, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn seeds_exactly_n_visible_located_comments_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.sqlite");
        let db = Db::open(path.to_str().unwrap()).await.unwrap();
        let now = 1_760_000_000;
        let (id, seeded) = seed_big_plan(&db, 2000, now).await.unwrap();
        assert!(seeded);
        let (again, seeded) = seed_big_plan(&db, 2000, now).await.unwrap();
        assert_eq!((again, seeded), (id, false));
        let count = |sql: &'static str| {
            let db = db.clone();
            async move {
                let (n,): (i64,) = sqlx::query_as(sql)
                    .bind(id)
                    .fetch_one(db.reader())
                    .await
                    .unwrap();
                n
            }
        };
        assert_eq!(
            count("SELECT COUNT(*) FROM comments WHERE plan_id = $1 AND state = 'visible' AND geometry IS NOT NULL").await,
            2000
        );
        assert_eq!(
            count("SELECT COUNT(*) FROM comments WHERE plan_id = $1 AND state = 'hidden'").await,
            4
        );
        let kinds = |t: &'static str| {
            let db = db.clone();
            async move {
                let (n,): (i64,) = sqlx::query_as(
                    "SELECT COUNT(*) FROM comments WHERE plan_id = $1 AND json_extract(geometry, '$.type') = $2",
                )
                .bind(id)
                .bind(t)
                .fetch_one(db.reader())
                .await
                .unwrap();
                n
            }
        };
        let (points, lines, areas) = (
            kinds("Point").await,
            kinds("LineString").await,
            kinds("Polygon").await,
        );
        assert!(
            points > 1500 && lines > 120 && areas > 120,
            "{points} {lines} {areas}"
        );
        let located_replies = count(
            "SELECT COUNT(*) FROM comments WHERE plan_id = $1 AND parent_id IS NOT NULL AND geometry IS NOT NULL",
        )
        .await;
        let plain_replies = count(
            "SELECT COUNT(*) FROM comments WHERE plan_id = $1 AND parent_id IS NOT NULL AND geometry IS NULL",
        )
        .await;
        assert!(
            located_replies > 40 && plain_replies > 50,
            "{located_replies} {plain_replies}"
        );
        // Reply counts match the replies.
        assert_eq!(
            count("SELECT SUM(n_replies) FROM comments WHERE plan_id = $1").await,
            located_replies + plain_replies
        );
        assert!(count("SELECT MAX(n_votes) FROM comments WHERE plan_id = $1").await > 50);
        // Every place lies inside the plan's bounds.
        assert_eq!(
            count(
                "SELECT COUNT(*) FROM comments c JOIN plans p ON p.id = c.plan_id WHERE c.plan_id = $1 \
                 AND c.geometry IS NOT NULL AND ((c.min_lon + c.max_lon) / 2 NOT BETWEEN p.min_lon AND p.max_lon \
                 OR (c.min_lat + c.max_lat) / 2 NOT BETWEEN p.min_lat AND p.max_lat)"
            )
            .await,
            0
        );
    }
}
