import Foundation

/// Temporary snapshot files being written, removed if the process is interrupted
/// (SIGINT, SIGTERM, SIGHUP) so an interrupted capture leaves nothing behind.
enum TempFiles {
    private static let lock = NSLock()
    /// Each registered file with its SQLite side files (`-journal`, `-wal`, `-shm`), as C
    /// strings made up front: the signal handler only calls unlink(2) on them.
    nonisolated(unsafe) private static var paths: [String: [UnsafeMutablePointer<CChar>]] = [:]
    nonisolated(unsafe) private static var installed = false

    static func register(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        paths[path] = ["", "-journal", "-wal", "-shm"].compactMap { strdup(path + $0) }
        if !installed {
            installed = true
            for sig in [SIGINT, SIGTERM, SIGHUP] {
                signal(sig) { received in
                    TempFiles.removeAll()
                    signal(received, SIG_DFL)
                    raise(received)
                }
            }
        }
    }

    static func unregister(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        for file in paths.removeValue(forKey: path) ?? [] { free(file) }
    }

    private static func removeAll() {
        // Called from a signal handler: unlink(2) is async-signal-safe; nothing is allocated
        // or mutated here.
        for files in paths.values {
            for file in files { unlink(file) }
        }
    }
}
