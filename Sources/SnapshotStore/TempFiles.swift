import Foundation
import Interrupts

/// Temporary snapshot files being written, removed if the process is interrupted
/// (SIGINT, SIGTERM, SIGHUP) so an interrupted capture leaves nothing behind.
enum TempFiles {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var registered:
        [String: (registration: Interrupts.Registration?, files: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>)] = [:]

    static func register(_ path: String) {
        // The file and its SQLite side files (`-journal`, `-wal`, `-shm`) as a NULL-terminated
        // array of C strings made up front: on a signal, only unlink(2) runs on them.
        let suffixes = ["", "-journal", "-wal", "-shm"]
        let files = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: suffixes.count + 1)
        for (i, suffix) in suffixes.enumerated() { files[i] = strdup(path + suffix) }
        files[suffixes.count] = nil
        let registration = Interrupts.register(
            { context in
                guard let files = context?.assumingMemoryBound(to: UnsafeMutablePointer<CChar>?.self) else { return }
                var i = 0
                while let file = files[i] {
                    unlink(file)
                    i += 1
                }
            }, context: UnsafeMutableRawPointer(files))
        lock.lock()
        registered[path] = (registration, files)
        lock.unlock()
    }

    static func unregister(_ path: String) {
        lock.lock()
        let entry = registered.removeValue(forKey: path)
        lock.unlock()
        guard let entry else { return }
        if let registration = entry.registration { Interrupts.unregister(registration) }
        var i = 0
        while let file = entry.files[i] {
            free(file)
            i += 1
        }
        entry.files.deallocate()
    }
}
