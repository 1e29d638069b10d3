/// Reads the JSON arrays of strings snapshots store lists as (`["a","b"]`), with the escapes
/// `SnapshotFile.jsonArray` writes and the rest of JSON's string escapes. Nil for anything else.
enum JSONStringArray {
    static func parse(_ text: String) -> [String]? {
        var bytes = Array(text.utf8)[...]
        func skipSpace() { while let b = bytes.first, b == 32 || b == 9 || b == 10 || b == 13 { bytes.removeFirst() } }
        skipSpace()
        guard bytes.popFirst() == UInt8(ascii: "[") else { return nil }
        var result: [String] = []
        skipSpace()
        if bytes.first == UInt8(ascii: "]") {
            bytes.removeFirst()
            skipSpace()
            return bytes.isEmpty ? result : nil
        }
        while true {
            skipSpace()
            guard bytes.popFirst() == UInt8(ascii: "\"") else { return nil }
            var out: [UInt8] = []
            while true {
                guard let b = bytes.popFirst() else { return nil }
                if b == UInt8(ascii: "\"") { break }
                guard b == UInt8(ascii: "\\") else {
                    out.append(b)
                    continue
                }
                guard let e = bytes.popFirst() else { return nil }
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "u"):
                    guard bytes.count >= 4, let code = UInt32(String(decoding: bytes.prefix(4), as: UTF8.self), radix: 16),
                        let scalar = Unicode.Scalar(code)
                    else { return nil }
                    bytes.removeFirst(4)
                    out.append(contentsOf: String(Character(scalar)).utf8)
                default: return nil
                }
            }
            result.append(String(decoding: out, as: UTF8.self))
            skipSpace()
            switch bytes.popFirst() {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "]"):
                skipSpace()
                return bytes.isEmpty ? result : nil
            default: return nil
            }
        }
    }
}
