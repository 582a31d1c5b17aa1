//! `qujat-rules`: the engine on the command line (see README).

fn main() {
    eprintln!("qujat-rules: not implemented yet");
    std::process::exit(2);
}
