/// Searches over the UTF-8 bytes of definitions and expressions. The lints scan every index,
/// foreign key and policy of a catalog, so these neither copy the text nor allocate.
enum ByteScan {
    /// Calls `body` with `text`'s UTF-8 bytes (no copy for native strings).
    static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var text = text
        return text.withUTF8(body)
    }

    /// The offset where `needle` next starts in `bytes` at or after `start`.
    static func find(_ needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        let count = needle.utf8CodeUnitCount
        guard count > 0, bytes.count >= count, start <= bytes.count - count else { return nil }
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: count)
        var i = start
        while i <= bytes.count - count {
            if bytes[i] == pattern[0] && matches(pattern, bytes, at: i) { return i }
            i += 1
        }
        return nil
    }

    /// Whether `bytes` holds `needle` at `offset`.
    static func matches(_ needle: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        matches(UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount), bytes, at: offset)
    }

    private static func matches(_ pattern: UnsafeBufferPointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>, at offset: Int)
        -> Bool
    {
        guard offset >= 0, offset + pattern.count <= bytes.count else { return false }
        for j in 0..<pattern.count where bytes[offset + j] != pattern[j] { return false }
        return true
    }

    /// `bytes[range]` split at `separator`, each part without surrounding spaces, as strings.
    static func splitTrimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, at separator: UInt8) -> [String] {
        var parts: [String] = []
        var start = range.lowerBound
        for i in range.lowerBound...range.upperBound where i == range.upperBound || bytes[i] == separator {
            var (low, high) = (start, i)
            while low < high && bytes[low] == UInt8(ascii: " ") { low += 1 }
            while high > low && bytes[high - 1] == UInt8(ascii: " ") { high -= 1 }
            parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[low..<high]), as: UTF8.self))
            start = i + 1
        }
        return parts
    }
}
