// The default rule pack is embedded with include_dir, which cannot tell cargo about the files it
// reads: rebuild whenever anything under rules/ changes.
fn main() {
    println!("cargo:rerun-if-changed=rules");
}
