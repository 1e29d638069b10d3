import Foundation

/// What the reliability tests found, for `scripts/reliability`, which runs them and writes
/// docs/reliability.md from these records. Records go to `SCHEMASNAP_RELIABILITY_DIR` when it
/// is set (one JSON file per record, as tests run in parallel processes); otherwise nowhere.
enum ReliabilityLog {
    static func record(_ situation: String, test: String, tries: Int, outcome: String) {
        guard let dir = ProcessInfo.processInfo.environment["SCHEMASNAP_RELIABILITY_DIR"], !dir.isEmpty else { return }
        let entry: [String: Any] = ["case": situation, "test": test, "tries": tries, "outcome": outcome]
        guard let data = try? JSONSerialization.data(withJSONObject: entry, options: [.sortedKeys]) else { return }
        let name = test.replacingOccurrences(of: "/", with: "_") + "-" + UUID().uuidString + ".json"
        try? data.write(to: URL(fileURLWithPath: dir).appendingPathComponent(name))
    }
}
