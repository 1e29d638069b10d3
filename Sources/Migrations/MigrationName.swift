import Foundation

/// Migration file names: `<version>_<snake_case_name>.sql`, the Supabase CLI convention.
public enum MigrationName {
    /// `"add-user's-email!"` → `add_users_email`, `Añadir Émail` → `anadir_email`: letters
    /// transliterated to ASCII (`ß` → `ss`), lower case, apostrophes dropped, every run of other
    /// non-alphanumerics one `_`, no leading or trailing `_`. Nil when nothing is left.
    public static func sanitize(_ name: String) -> String? {
        var out = ""
        var pendingUnderscore = false
        let ascii =
            name.applyingTransform(.toLatin, reverse: false)?.applyingTransform(.stripDiacritics, reverse: false)
            ?? name
        for scalar in ascii.replacingOccurrences(of: "ß", with: "ss").lowercased().unicodeScalars {
            if scalar == "'" || scalar == "\u{2019}" { continue }
            if scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar)) {
                if pendingUnderscore && !out.isEmpty { out += "_" }
                pendingUnderscore = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingUnderscore = true
            }
        }
        return out.isEmpty ? nil : out
    }

    /// `20251105143022`: the version for a migration created at `date` (UTC).
    public static func version(at date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMddHHmmss"
        return f.string(from: date)
    }

    /// Splits `20251105143022_add_notifications.sql` into version and name, accepting what the
    /// Supabase CLI accepts: a version of digits (any length), `_`, a name, `.sql`.
    public static func parse(fileName: String) -> (version: String, name: String)? {
        guard fileName.hasSuffix(".sql") else { return nil }
        let stem = fileName.dropLast(4)
        guard let underscore = stem.firstIndex(of: "_") else { return nil }
        let version = stem[..<underscore]
        let name = stem[stem.index(after: underscore)...]
        guard !version.isEmpty, version.allSatisfy({ $0.isASCII && $0.isNumber }), !name.isEmpty else { return nil }
        return (String(version), String(name))
    }

    /// Orders versions of different lengths as the timestamps they abbreviate: right-padded
    /// with zeros to 14 digits (`2024010101` is 2024-01-01 01:00), then as written.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        let pa = a.padding(toLength: max(14, a.count), withPad: "0", startingAt: 0)
        let pb = b.padding(toLength: max(14, b.count), withPad: "0", startingAt: 0)
        return pa == pb ? a < b : pa < pb
    }

    /// `2025-11-05 14:30:22` for a 14-digit version; the version itself otherwise.
    public static func timestamp(_ version: String) -> String {
        let digits = Array(version.padding(toLength: max(14, version.count), withPad: "0", startingAt: 0))
        guard digits.count == 14 else { return version }
        let s = String(digits)
        func part(_ from: Int, _ length: Int) -> Substring { s.dropFirst(from).prefix(length) }
        return "\(part(0, 4))-\(part(4, 2))-\(part(6, 2)) \(part(8, 2)):\(part(10, 2)):\(part(12, 2))"
    }
}
