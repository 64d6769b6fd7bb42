//! Deterministic generation of residents' comments for the big demo plan.

/// A small deterministic generator (64-bit LCG with an output mix) so the demo is the same every time.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self) -> u64 {
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
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

pub fn inside(points: &[(f64, f64)], x: f64, y: f64) -> bool {
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

pub fn point_in(rng: &mut Lcg, poly: &[(f64, f64)]) -> (f64, f64) {
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
pub const REPLIES: &[&str] = &[
    "Samaa mieltä!",
    "Tämä on totta, olen huomannut saman.",
    "En ole samaa mieltä, nykyinen ratkaisu toimii hyvin.",
    "Håller med helt.",
    "Hyvä huomio, toivottavasti kaupunki ottaa tämän huomioon.",
    "Agreed, this matters a lot for families.",
];
pub const NICKS: &[&str] = &[
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
pub fn comment_text(rng: &mut Lcg) -> String {
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
