use unkey_errors::UnkeyError;

#[derive(UnkeyError)]
union Bits {
    a: u32,
    b: f32,
}

fn main() {}
