//! Raw DEFLATE (RFC 1951), small enough to ship in the WebAssembly bundle: share links are
//! `deflate-raw` streams, so any standard tool (the browser's `DecompressionStream("deflate-raw")`,
//! `zlib.inflateRawSync`, Python's `zlib.decompress(data, -15)`) can read one.
//!
//! [`compress`] finds repeats with hash chains (bounded depth, one step of lazy matching) and
//! writes them with the fixed Huffman codes — or a stored block when that is smaller (random
//! bytes). Fixed codes need no code table in the stream, which is what a text of a few hundred
//! bytes wants; zlib picks them itself for inputs this small.
//!
//! [`decompress`] reads every block type (stored, fixed, dynamic) like zlib's `puff.c`, with a
//! limit on the output so a tiny hostile link cannot expand to gigabytes, and reports a stream
//! that ends early as [`InflateError::Truncated`].

const LEN_BASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
const LEN_EXTRA: [u8; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DIST_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA: [u8; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];

// ---------------------------------------------------------------------------------------------
// Compression

const WINDOW: usize = 32 * 1024;
const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 258;
/// How many earlier positions with the same 3-byte hash are tried: bounds the time on
/// repetitive input (a megabyte of one letter) while finding the repeats code has.
const MAX_CHAIN: usize = 48;
/// A match at least this long is taken without looking one byte further.
const LAZY_LIMIT: usize = 32;
const HASH_BITS: u32 = 15;
const NONE: u32 = u32::MAX;

struct BitWriter {
    out: Vec<u8>,
    acc: u64,
    count: u32,
}

impl BitWriter {
    fn new(capacity: usize) -> BitWriter {
        BitWriter {
            out: Vec::with_capacity(capacity),
            acc: 0,
            count: 0,
        }
    }

    /// Appends the low `count` bits of `value`, least significant first.
    fn bits(&mut self, value: u32, count: u32) {
        self.acc |= u64::from(value) << self.count;
        self.count += count;
        while self.count >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.count -= 8;
        }
    }

    /// Appends a Huffman code, which DEFLATE stores most significant bit first.
    fn code(&mut self, code: u32, len: u32) {
        let reversed = code.reverse_bits() >> (32 - len);
        self.bits(reversed, len);
    }

    fn finish(mut self) -> Vec<u8> {
        if self.count > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}

/// The fixed literal/length code of RFC 1951 §3.2.6.
fn fixed_literal(writer: &mut BitWriter, symbol: u16) {
    let symbol = u32::from(symbol);
    match symbol {
        0..=143 => writer.code(0x30 + symbol, 8),
        144..=255 => writer.code(0x190 + symbol - 144, 9),
        256..=279 => writer.code(symbol - 256, 7),
        _ => writer.code(0xC0 + symbol - 280, 8),
    }
}

fn write_match(writer: &mut BitWriter, len: usize, dist: usize) {
    // 258 has its own code (285); code 284 with all extra bits set would also say 258, but
    // some decoders reject that spelling.
    let li = if len == MAX_MATCH {
        28
    } else {
        LEN_BASE[..28]
            .iter()
            .rposition(|&b| usize::from(b) <= len)
            .unwrap_or(0)
    };
    fixed_literal(writer, 257 + li as u16);
    writer.bits(
        (len - usize::from(LEN_BASE[li])) as u32,
        u32::from(LEN_EXTRA[li]),
    );
    let di = DIST_BASE
        .iter()
        .rposition(|&b| usize::from(b) <= dist)
        .unwrap_or(0);
    writer.code(di as u32, 5);
    writer.bits(
        (dist - usize::from(DIST_BASE[di])) as u32,
        u32::from(DIST_EXTRA[di]),
    );
}

struct Matcher<'a> {
    data: &'a [u8],
    head: Vec<u32>,
    prev: Vec<u32>,
}

impl Matcher<'_> {
    fn hash(&self, i: usize) -> usize {
        let d = self.data;
        let v = (u32::from(d[i]) << 16) | (u32::from(d[i + 1]) << 8) | u32::from(d[i + 2]);
        (v.wrapping_mul(2_654_435_761) >> (32 - HASH_BITS)) as usize
    }

    fn insert(&mut self, i: usize) {
        if i + MIN_MATCH <= self.data.len() {
            let h = self.hash(i);
            self.prev[i] = self.head[h];
            self.head[h] = i as u32;
        }
    }

    /// The longest earlier repeat of the bytes at `i` within the window: (length, distance).
    fn longest(&self, i: usize) -> (usize, usize) {
        let data = self.data;
        if i + MIN_MATCH > data.len() {
            return (0, 0);
        }
        let max = (data.len() - i).min(MAX_MATCH);
        let (mut best_len, mut best_dist) = (0, 0);
        let mut candidate = self.head[self.hash(i)];
        let mut depth = 0;
        while candidate != NONE && depth < MAX_CHAIN {
            let c = candidate as usize;
            if i - c > WINDOW {
                break;
            }
            if data[c + best_len.min(max - 1)] == data[i + best_len.min(max - 1)] {
                let len = data[c..c + max]
                    .iter()
                    .zip(&data[i..i + max])
                    .take_while(|(a, b)| a == b)
                    .count();
                if len > best_len {
                    best_len = len;
                    best_dist = i - c;
                    if len == max {
                        break;
                    }
                }
            }
            candidate = self.prev[c];
            depth += 1;
        }
        if best_len >= MIN_MATCH {
            (best_len, best_dist)
        } else {
            (0, 0)
        }
    }
}

fn compress_fixed(data: &[u8]) -> Vec<u8> {
    let mut writer = BitWriter::new(data.len() / 2 + 16);
    writer.bits(1, 1); // the last block
    writer.bits(1, 2); // fixed Huffman codes
    let mut m = Matcher {
        data,
        head: vec![NONE; 1 << HASH_BITS],
        prev: vec![NONE; data.len()],
    };
    let mut i = 0;
    while i < data.len() {
        let (len, dist) = m.longest(i);
        m.insert(i);
        if len == 0 {
            fixed_literal(&mut writer, u16::from(data[i]));
            i += 1;
            continue;
        }
        // One step of lazy matching: a longer repeat starting at the next byte wins.
        if len < LAZY_LIMIT && m.longest(i + 1).0 > len {
            fixed_literal(&mut writer, u16::from(data[i]));
            i += 1;
            continue;
        }
        write_match(&mut writer, len, dist);
        for p in i + 1..i + len {
            m.insert(p);
        }
        i += len;
    }
    fixed_literal(&mut writer, 256);
    writer.finish()
}

fn store(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() + 5 * (data.len() / 65_535 + 1));
    let mut chunks = data.chunks(65_535).peekable();
    if chunks.peek().is_none() {
        out.extend_from_slice(&[1, 0, 0, 0xFF, 0xFF]);
    }
    while let Some(chunk) = chunks.next() {
        out.push(u8::from(chunks.peek().is_none()));
        let len = chunk.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(chunk);
    }
    out
}

/// Compresses `data` into a raw DEFLATE stream.
pub fn compress(data: &[u8]) -> Vec<u8> {
    let fixed = compress_fixed(data);
    let stored_len = data.len() + 5 * data.len().div_ceil(65_535).max(1);
    if fixed.len() <= stored_len {
        fixed
    } else {
        store(data)
    }
}

// ---------------------------------------------------------------------------------------------
// Decompression

/// Why a stream could not be inflated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InflateError {
    /// The stream ends before its last block does: the data was cut.
    Truncated,
    /// Not a DEFLATE stream (a bad block type, code table or distance).
    Invalid,
    /// The output would be larger than the limit.
    TooLarge,
}

struct BitReader<'a> {
    data: &'a [u8],
    pos: usize,
    buf: u32,
    count: u32,
}

impl BitReader<'_> {
    /// The next `need` bits (at most 16), least significant first.
    fn bits(&mut self, need: u32) -> Result<u32, InflateError> {
        while self.count < need {
            let byte = *self.data.get(self.pos).ok_or(InflateError::Truncated)?;
            self.pos += 1;
            self.buf |= u32::from(byte) << self.count;
            self.count += 8;
        }
        let value = self.buf & ((1u32 << need) - 1);
        self.buf >>= need;
        self.count -= need;
        Ok(value)
    }
}

/// A canonical Huffman code as counts per length and symbols in code order (puff.c's layout).
struct Huffman {
    count: [u16; 16],
    symbol: [u16; 288],
}

impl Huffman {
    fn new(lengths: &[u8]) -> Result<Huffman, InflateError> {
        let mut h = Huffman {
            count: [0; 16],
            symbol: [0; 288],
        };
        for &len in lengths {
            h.count[usize::from(len)] += 1;
        }
        // More codes of a length than the lengths before leave room for: not a prefix code.
        let mut left: i32 = 1;
        for len in 1..16 {
            left = (left << 1) - i32::from(h.count[len]);
            if left < 0 {
                return Err(InflateError::Invalid);
            }
        }
        let mut offsets = [0u16; 16];
        for len in 1..15 {
            offsets[len + 1] = offsets[len] + h.count[len];
        }
        for (symbol, &len) in lengths.iter().enumerate() {
            if len != 0 {
                let slot = &mut offsets[usize::from(len)];
                h.symbol[usize::from(*slot)] = symbol as u16;
                *slot += 1;
            }
        }
        Ok(h)
    }

    fn decode(&self, reader: &mut BitReader) -> Result<u16, InflateError> {
        let (mut code, mut first, mut index) = (0i32, 0i32, 0i32);
        for len in 1..16 {
            code |= reader.bits(1)? as i32;
            let count = i32::from(self.count[len]);
            if code - count < first {
                return Ok(self.symbol[(index + code - first) as usize]);
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        // A code the (incomplete) table does not have.
        Err(InflateError::Invalid)
    }
}

fn fixed_tables() -> (Huffman, Huffman) {
    let mut lengths = [0u8; 288];
    lengths[..144].fill(8);
    lengths[144..256].fill(9);
    lengths[256..280].fill(7);
    lengths[280..].fill(8);
    // Both tables are complete or, for distances, merely incomplete: never an error.
    let lit = Huffman::new(&lengths).unwrap_or(Huffman {
        count: [0; 16],
        symbol: [0; 288],
    });
    let dist = Huffman::new(&[5u8; 30]).unwrap_or(Huffman {
        count: [0; 16],
        symbol: [0; 288],
    });
    (lit, dist)
}

fn dynamic_tables(reader: &mut BitReader) -> Result<(Huffman, Huffman), InflateError> {
    const ORDER: [usize; 19] = [
        16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
    ];
    let nlen = reader.bits(5)? as usize + 257;
    let ndist = reader.bits(5)? as usize + 1;
    let ncode = reader.bits(4)? as usize + 4;
    if nlen > 286 || ndist > 30 {
        return Err(InflateError::Invalid);
    }
    let mut lengths = [0u8; 320];
    for &slot in &ORDER[..ncode] {
        lengths[slot] = reader.bits(3)? as u8;
    }
    let code_lengths = Huffman::new(&lengths[..19])?;
    lengths = [0u8; 320];
    let mut index = 0;
    while index < nlen + ndist {
        let symbol = code_lengths.decode(reader)?;
        if symbol < 16 {
            lengths[index] = symbol as u8;
            index += 1;
            continue;
        }
        let (value, repeat) = match symbol {
            16 => {
                let previous = *index
                    .checked_sub(1)
                    .and_then(|i| lengths.get(i))
                    .ok_or(InflateError::Invalid)?;
                (previous, 3 + reader.bits(2)? as usize)
            }
            17 => (0, 3 + reader.bits(3)? as usize),
            _ => (0, 11 + reader.bits(7)? as usize),
        };
        if index + repeat > nlen + ndist {
            return Err(InflateError::Invalid);
        }
        lengths[index..index + repeat].fill(value);
        index += repeat;
    }
    // Without a code for end-of-block the block could never end.
    if lengths[256] == 0 {
        return Err(InflateError::Invalid);
    }
    Ok((
        Huffman::new(&lengths[..nlen])?,
        Huffman::new(&lengths[nlen..nlen + ndist])?,
    ))
}

fn inflate_block(
    reader: &mut BitReader,
    out: &mut Vec<u8>,
    lit: &Huffman,
    dist: &Huffman,
    limit: usize,
) -> Result<(), InflateError> {
    loop {
        let symbol = lit.decode(reader)?;
        match symbol {
            0..=255 => {
                if out.len() >= limit {
                    return Err(InflateError::TooLarge);
                }
                out.push(symbol as u8);
            }
            256 => return Ok(()),
            _ => {
                let li = usize::from(symbol - 257);
                if li >= LEN_BASE.len() {
                    return Err(InflateError::Invalid);
                }
                let len =
                    usize::from(LEN_BASE[li]) + reader.bits(u32::from(LEN_EXTRA[li]))? as usize;
                let di = usize::from(dist.decode(reader)?);
                if di >= DIST_BASE.len() {
                    return Err(InflateError::Invalid);
                }
                let distance =
                    usize::from(DIST_BASE[di]) + reader.bits(u32::from(DIST_EXTRA[di]))? as usize;
                if distance > out.len() {
                    return Err(InflateError::Invalid);
                }
                if out.len() + len > limit {
                    return Err(InflateError::TooLarge);
                }
                let start = out.len() - distance;
                for k in 0..len {
                    let byte = out[start + k];
                    out.push(byte);
                }
            }
        }
    }
}

/// Inflates a raw DEFLATE stream whose output is at most `limit` bytes. Bytes after the last
/// block are ignored, as zlib does.
pub fn decompress(data: &[u8], limit: usize) -> Result<Vec<u8>, InflateError> {
    let mut reader = BitReader {
        data,
        pos: 0,
        buf: 0,
        count: 0,
    };
    let mut out = Vec::with_capacity((data.len() * 3).min(limit));
    loop {
        let last = reader.bits(1)? == 1;
        match reader.bits(2)? {
            0 => {
                // A stored block starts on a byte boundary.
                reader.buf = 0;
                reader.count = 0;
                let header = data
                    .get(reader.pos..reader.pos + 4)
                    .ok_or(InflateError::Truncated)?;
                let len = usize::from(u16::from_le_bytes([header[0], header[1]]));
                let nlen = u16::from_le_bytes([header[2], header[3]]);
                if len != usize::from(!nlen) {
                    return Err(InflateError::Invalid);
                }
                reader.pos += 4;
                let bytes = data
                    .get(reader.pos..reader.pos + len)
                    .ok_or(InflateError::Truncated)?;
                if out.len() + len > limit {
                    return Err(InflateError::TooLarge);
                }
                out.extend_from_slice(bytes);
                reader.pos += len;
            }
            1 => {
                let (lit, dist) = fixed_tables();
                inflate_block(&mut reader, &mut out, &lit, &dist, limit)?;
            }
            2 => {
                let (lit, dist) = dynamic_tables(&mut reader)?;
                inflate_block(&mut reader, &mut out, &lit, &dist, limit)?;
            }
            _ => return Err(InflateError::Invalid),
        }
        if last {
            return Ok(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMIT: usize = 1 << 20;

    #[test]
    fn round_trips_text_binary_and_edge_sizes() {
        let mut cases: Vec<Vec<u8>> =
            vec![
            Vec::new(),
            b"a".to_vec(),
            b"aa".to_vec(),
            b"aaa".to_vec(),
            vec![b'x'; 258],
            vec![b'x'; 259],
            vec![b'x'; 100_000],
            "FROM golang:1.22 AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\n"
                .repeat(20)
                .into_bytes(),
            "# 日本語のコメント 🐳\nRUN echo こんにちは\n".repeat(7).into_bytes(),
            (0..=255u8).cycle().take(70_000).collect(),
        ];
        // Pseudo-random bytes: the stored-block fallback (over 65 535 bytes: several blocks).
        let mut seed = 0x2545_F491_u32;
        cases.push(
            (0..140_000)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 17;
                    seed ^= seed << 5;
                    seed as u8
                })
                .collect(),
        );
        for data in &cases {
            let packed = compress(data);
            assert_eq!(
                decompress(&packed, LIMIT).as_deref(),
                Ok(&data[..]),
                "{} bytes",
                data.len()
            );
            assert!(packed.len() <= data.len() + 5 * (data.len() / 65_535 + 1));
        }
    }

    #[test]
    fn repetitive_text_shrinks() {
        let text = "build:\n\tGOOS=linux GOARCH=amd64 go build -o bin/app ./cmd/app\n".repeat(10);
        assert!(compress(text.as_bytes()).len() * 5 < text.len());
    }

    /// Streams written by zlib 1.2.13 (Python 3.11, `zlib.compressobj(9, zlib.DEFLATED, -15)`):
    /// this inflater reads what other encoders write, including a dynamic Huffman block.
    #[test]
    fn reads_zlib_streams_including_dynamic_blocks() {
        // b"hello hello hello hello, deflate!": zlib chose fixed codes.
        let fixed = [
            0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x57, 0xc8, 0x40, 0x27, 0x75, 0x14, 0x52, 0x52, 0xd3,
            0x72, 0x12, 0x4b, 0x52, 0x15, 0x01,
        ];
        assert_eq!(
            decompress(&fixed, LIMIT).as_deref(),
            Ok(&b"hello hello hello hello, deflate!"[..])
        );
        // 150 random a/b letters (random.seed(7)): zlib chose a dynamic block (BTYPE 2).
        let text = "abaaabababbbaabbbaaabaaaaabaabbaaaabaabaabbabbbababababbbaabaabaabababaabbaaabbbbabbababbbabbbaaaaabbaababbbabbabaababaabaaabababbbaaaaabaaabbabbabbab";
        let dynamic = [
            0x55, 0x8d, 0x89, 0x0d, 0x00, 0x30, 0x08, 0x02, 0x67, 0x85, 0xfd, 0x87, 0xa8, 0x20,
            0x34, 0x6d, 0x7c, 0x82, 0x7a, 0x2a, 0x08, 0x80, 0x32, 0x8e, 0x72, 0x82, 0xc2, 0xd9,
            0x95, 0x85, 0xb5, 0xa6, 0x7c, 0xe0, 0x38, 0x2f, 0x4a, 0x13, 0x05, 0xf6, 0xd8, 0x8e,
            0xda, 0xe9, 0x06, 0xbe, 0xb7, 0xf9, 0x19, 0x62, 0xfc, 0x00,
        ];
        assert_eq!((dynamic[0] >> 1) & 3, 2, "the fixture is a dynamic block");
        assert_eq!(decompress(&dynamic, LIMIT).as_deref(), Ok(text.as_bytes()));
        for cut in 0..dynamic.len() {
            assert_eq!(
                decompress(&dynamic[..cut], LIMIT),
                Err(InflateError::Truncated)
            );
        }
        assert_eq!(decompress(&[0x03, 0x00], LIMIT).as_deref(), Ok(&b""[..]));
    }

    #[test]
    fn truncation_at_every_byte_is_reported() {
        let text = "FROM golang:1.22\nRUN go build -o /app .\n# 日本語 🐳\n".repeat(5);
        let packed = compress(text.as_bytes());
        for cut in 0..packed.len() {
            assert_eq!(
                decompress(&packed[..cut], LIMIT),
                Err(InflateError::Truncated),
                "cut at {cut}"
            );
        }
    }

    #[test]
    fn the_output_limit_stops_a_bomb() {
        let bomb = compress(&vec![0u8; 2_000_000]);
        // Fixed codes spend 13 bits on 258 bytes: about 160 to 1.
        assert!(bomb.len() < 13_000, "{}", bomb.len());
        assert_eq!(decompress(&bomb, LIMIT), Err(InflateError::TooLarge));
        assert_eq!(decompress(&bomb, 2_000_000).map(|v| v.len()), Ok(2_000_000));
        // Stored blocks count too.
        let stored = store(&[7u8; 1000]);
        assert_eq!(decompress(&stored, 999), Err(InflateError::TooLarge));
    }

    #[test]
    fn malformed_streams_are_errors_not_panics() {
        let cases: &[&[u8]] = &[
            &[0x07],                         // block type 3
            &[0x01, 0x05, 0x00, 0x00, 0x00], // stored LEN/NLEN mismatch
            &[0x05, 0x00, 0x00],             // dynamic, an empty code-length code
            &[0x63, 0x00, 0x42, 0x00],       // fixed, distance before the start
            &[0xff; 64],
        ];
        for data in cases {
            assert!(decompress(data, LIMIT).is_err(), "{data:02x?}");
        }
    }

    #[test]
    fn random_bytes_never_panic() {
        let mut seed = 0x9E37_79B9_u32;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed
        };
        for _ in 0..20_000 {
            let len = (next() % 64) as usize;
            let data: Vec<u8> = (0..len).map(|_| next() as u8).collect();
            let _ = decompress(&data, 4096);
        }
    }
}
