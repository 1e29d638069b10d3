import Foundation

/// Temporary snapshot files being written, removed if the process is interrupted
/// (SIGINT, SIGTERM, SIGHUP) so an interrupted capture leaves nothing behind.
enum TempFiles {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var paths: Set<String> = []
    nonisolated(unsafe) private static var installed = false

    static func register(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        paths.insert(path)
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
        paths.remove(path)
    }

    private static func removeAll() {
        // Called from a signal handler: unlink(2) is async-signal-safe; the set is not
        // mutated here.
        for path in paths { unlink(path) }
    }
}
