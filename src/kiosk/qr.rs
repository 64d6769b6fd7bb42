//! QR codes for addresses a kiosk must not open itself ("continue on your phone"), drawn as
//! one inline SVG path: no image, no `data:` URL, nothing the Content-Security-Policy has to
//! allow. The encoder is `qrcodegen` (no dependencies); this module only lives in the lazily
//! loaded kiosk chunk (see `lazy.rs`), so normal visitors never download it.

use qrcodegen::{QrCode, QrCodeEcc};

/// Modules of white border the QR specification asks for around the code.
pub(crate) const QUIET_ZONE: usize = 4;

/// The dark and light modules of a QR code, row by row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrMatrix {
    size: usize,
    dark: Vec<bool>,
}

impl QrMatrix {
    /// Modules per side (21 for version 1, then 4 more per version).
    pub(crate) fn size(&self) -> usize {
        self.size
    }

    /// Whether the module in column `x`, row `y` is dark.
    pub(crate) fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.dark[y * self.size + x]
    }

    /// SVG path data drawing every dark module as part of a horizontal run of unit squares,
    /// in module coordinates (the caller's `viewBox` adds the quiet zone).
    pub fn svg_path(&self) -> String {
        let mut d = String::new();
        for y in 0..self.size {
            let mut x = 0;
            while x < self.size {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < self.size && self.is_dark(x, y) {
                    x += 1;
                }
                let run = x - start;
                d.push_str(&format!("M{start} {y}h{run}v1h-{run}z"));
            }
        }
        d
    }
}

/// The QR code of `text` with medium error correction (readable with 15 % damaged, which
/// covers a glossy, fingerprinted screen); `None` if it is too long for any QR code.
pub fn encode(text: &str) -> Option<QrMatrix> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = usize::try_from(code.size()).ok()?;
    let dark = (0..size)
        .flat_map(|y| (0..size).map(move |x| (x, y)))
        .map(|(x, y)| code.get_module(x as i32, y as i32))
        .collect();
    Some(QrMatrix { size, dark })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 7×7 finder pattern whose top left module is at (`x`, `y`): a dark ring, a light
    /// ring, a dark 3×3 centre.
    fn has_finder(m: &QrMatrix, x: usize, y: usize) -> bool {
        (0..7).all(|dy| {
            (0..7).all(|dx| {
                let ring = dx.min(dy).min(6 - dx).min(6 - dy);
                m.is_dark(x + dx, y + dy) == (ring != 1)
            })
        })
    }

    #[test]
    fn a_municipal_address_becomes_a_version_2_code_with_three_finder_patterns() {
        let m = encode("https://example.org/").unwrap();
        // 20 bytes do not fit version 1 at level M (14 bytes); version 2 (25×25) holds 26.
        assert_eq!(m.size(), 25);
        assert!(has_finder(&m, 0, 0));
        assert!(has_finder(&m, 18, 0));
        assert!(has_finder(&m, 0, 18));
        assert!(!has_finder(&m, 18, 18));
        // Timing pattern: alternating modules on row 6 between the finders.
        assert!((8..17).all(|x| m.is_dark(x, 6) == (x % 2 == 0)));
        // Version 2 has one alignment pattern, centred at (18, 18).
        assert!(m.is_dark(18, 18) && !m.is_dark(17, 18) && m.is_dark(16, 18));
    }

    #[test]
    fn longer_addresses_get_bigger_codes_and_the_same_text_the_same_code() {
        let long = format!("https://example.org/{}", "a".repeat(200));
        assert!(encode(&long).unwrap().size() > 25);
        assert_eq!(
            encode("https://example.org/"),
            encode("https://example.org/")
        );
        assert!(encode(&"x".repeat(5000)).is_none());
    }

    #[test]
    fn the_svg_path_draws_exactly_the_dark_modules() {
        let m = encode("https://example.org/").unwrap();
        // Each run is "M{x} {y}h{n}v1h-{n}z"; adding up the runs gives the dark modules.
        let mut drawn = vec![false; m.size() * m.size()];
        for run in m.svg_path().split('z').filter(|r| !r.is_empty()) {
            let rest = run.strip_prefix('M').unwrap();
            let (xy, tail) = rest.split_once('h').unwrap();
            let (x, y) = xy.split_once(' ').unwrap();
            let n: usize = tail.split_once('v').unwrap().0.parse().unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            for i in x..x + n {
                assert!(!drawn[y * m.size() + i], "a module drawn twice");
                drawn[y * m.size() + i] = true;
            }
        }
        for y in 0..m.size() {
            for x in 0..m.size() {
                assert_eq!(
                    drawn[y * m.size() + x],
                    m.is_dark(x, y),
                    "module ({x}, {y})"
                );
            }
        }
    }
}
