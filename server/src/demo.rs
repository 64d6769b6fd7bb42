pub fn seed_if_empty(_c: &mut rusqlite::Connection, _now: i64) -> rusqlite::Result<bool> {
    Ok(false)
}
