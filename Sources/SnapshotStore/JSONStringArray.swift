/// Reads the JSON arrays of strings snapshots store lists as (`["a","b"]`), with the escapes
/// `SnapshotFile.jsonArray` writes and the rest of JSON's string escapes. Nil for anything else.
enum JSONStringArray {
    static func parse(_ text: UnsafeBufferPointer<UInt8>) -> [String]? {
        var reader = Reader(text: text)
        reader.skipSpace()
        guard reader.next() == UInt8(ascii: "[") else { return nil }
        var result: [String] = []
        reader.skipSpace()
        if reader.peek() == UInt8(ascii: "]") {
            _ = reader.next()
            reader.skipSpace()
            return reader.atEnd ? result : nil
        }
        while true {
            reader.skipSpace()
            guard let string = reader.string() else { return nil }
            result.append(string)
            reader.skipSpace()
            switch reader.next() {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "]"):
                reader.skipSpace()
                return reader.atEnd ? result : nil
            default: return nil
            }
        }
    }

    private struct Reader {
        let text: UnsafeBufferPointer<UInt8>
        var i = 0

        var atEnd: Bool { i == text.count }

        func peek() -> UInt8? { i < text.count ? text[i] : nil }

        mutating func next() -> UInt8? {
            guard i < text.count else { return nil }
            defer { i += 1 }
            return text[i]
        }

        mutating func skipSpace() {
            while let b = peek(), b == 32 || b == 9 || b == 10 || b == 13 { i += 1 }
        }

        /// A quoted string; most have no escape and are taken as they stand.
        mutating func string() -> String? {
            guard next() == UInt8(ascii: "\"") else { return nil }
            if let close = text[i...].firstIndex(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }),
                text[close] == UInt8(ascii: "\"")
            {
                defer { i = close + 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: text[i..<close]), as: UTF8.self)
            }
            var out: [UInt8] = []
            while true {
                guard let b = next() else { return nil }
                if b == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
                guard b == UInt8(ascii: "\\") else {
                    out.append(b)
                    continue
                }
                switch next() {
                case let e? where e == UInt8(ascii: "\"") || e == UInt8(ascii: "\\") || e == UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "u"):
                    guard text.count - i >= 4,
                        let code = UInt32(
                            String(decoding: UnsafeBufferPointer(rebasing: text[i..<(i + 4)]), as: UTF8.self), radix: 16),
                        let scalar = Unicode.Scalar(code)
                    else { return nil }
                    i += 4
                    out.append(contentsOf: String(Character(scalar)).utf8)
                default: return nil
                }
            }
        }
    }
}
