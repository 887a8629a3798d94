//! The five seed articles, bundled into the build so the app opens with them and needs no
//! network. The files in `seeds/` are the single source; this module only embeds them.

/// A bundled article: its file name and exact text.
#[derive(Debug, Clone, Copy)]
pub struct Seed {
    pub file: &'static str,
    pub text: &'static str,
}

macro_rules! seed {
    ($file:literal) => {
        Seed {
            file: $file,
            text: include_str!(concat!("../seeds/", $file)),
        }
    };
}

/// The seed articles, in file-name order.
pub const SEEDS: &[Seed] = &[
    seed!("000_2af608f0f68110dc.txt"),
    seed!("001_1c2c2081d55c5b3c.txt"),
    seed!("002_72f1ca087c99e71b.txt"),
    seed!("003_cb0c55db5773bf71.txt"),
    seed!("004_e5387e8b6a6bd45a.txt"),
];
