//! Rebuilds the binary when the shipped rules or scenarios change, so the embedded copy is current.

fn main() {
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-changed=scenarios");
}
