//! URL-safe base64 without padding (RFC 4648 §5): the alphabet a URL fragment carries unescaped.
//! Decoding is strict — any other character, an impossible length or non-zero spare bits is an
//! error — so a damaged link is reported instead of quietly decoding to other bytes.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

fn value(c: u8) -> Option<u32> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    } as u32)
}

/// Why a string is not URL-safe base64.
#[derive(Debug, PartialEq, Eq)]
pub enum Base64Error {
    /// A character outside the alphabet (a `=`, a space, a `+` from standard base64 ...).
    Character,
    /// An end no encoder produces (one character left over, or spare bits set in the last
    /// character): the text was cut.
    Cut,
}

pub fn decode(text: &str) -> Result<Vec<u8>, Base64Error> {
    let bytes = text.as_bytes();
    if bytes.len() % 4 == 1 {
        return Err(Base64Error::Cut);
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3 + 2);
    for chunk in bytes.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= value(c).ok_or(Base64Error::Character)? << (18 - 6 * i);
        }
        let produced = chunk.len() - 1;
        // The bits after the last whole byte are zero in anything an encoder wrote; set bits
        // mean the characters that held the rest of a byte were cut off.
        let spare_mask = match produced {
            1 => 0xFFFF,
            2 => 0xFF,
            _ => 0,
        };
        if n & spare_mask != 0 {
            return Err(Base64Error::Cut);
        }
        for i in 0..produced {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4648_vectors_without_padding_and_url_alphabet() {
        // RFC 4648 §10 test vectors, padding removed.
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(plain.as_bytes()), encoded);
            assert_eq!(decode(encoded).unwrap(), plain.as_bytes());
        }
        // 0xFB 0xFF is "+/8" in standard base64, "-_8" here.
        assert_eq!(encode(&[0xFB, 0xFF]), "-_8");
        assert_eq!(decode("+/8"), Err(Base64Error::Character));
    }

    #[test]
    fn every_byte_value_round_trips() {
        let all: Vec<u8> = (0..=255).collect();
        for len in 0..all.len() {
            assert_eq!(decode(&encode(&all[..len])).unwrap(), &all[..len]);
        }
    }

    #[test]
    fn damaged_text_is_an_error() {
        assert_eq!(decode("Zm9vY"), Err(Base64Error::Cut));
        assert_eq!(decode("Zm9=vYg"), Err(Base64Error::Character));
        assert_eq!(decode("Zm 9"), Err(Base64Error::Character));
        // "Zh" has spare bits set: no encoder writes it.
        assert_eq!(decode("Zh"), Err(Base64Error::Cut));
    }
}
