// The migrations are embedded in the binary (`embed_migrations!`); without this, cargo
// would not rebuild when one is added.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
