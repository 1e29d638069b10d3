import Foundation

/// What the process does when SIGINT, SIGTERM or SIGHUP arrives, before it dies of the
/// signal: every registered action runs, from the signal handler, then the signal's default
/// action ends the process. One handler for every module, so registering an action never
/// replaces another's.
///
/// Actions run inside a signal handler: they may only call async-signal-safe functions
/// (`unlink(2)`, libpq's `PQcancel`) on data prepared when they were registered.
public enum Interrupts {
    /// An action: a C function called with the context it was registered with.
    public typealias Action = @convention(c) (UnsafeMutableRawPointer?) -> Void

    /// Identifies a registration, for `unregister`.
    public struct Registration: Hashable, Sendable {
        fileprivate let slot: Int
    }

    private struct Entry {
        var action: Action?
        var context: UnsafeMutableRawPointer?
    }

    private static let capacity = 64
    private static let lock = NSLock()
    /// Fixed storage the handler reads without allocating; a nil action is a free slot.
    nonisolated(unsafe) private static let entries: UnsafeMutablePointer<Entry> = {
        let entries = UnsafeMutablePointer<Entry>.allocate(capacity: capacity)
        entries.initialize(repeating: Entry(), count: capacity)
        return entries
    }()
    nonisolated(unsafe) private static var installed = false

    /// Runs `action(context)` if the process is interrupted, until unregistered. Nil when all
    /// slots are taken (the caller then goes without clean-up, as before it registered).
    @discardableResult
    public static func register(_ action: Action, context: UnsafeMutableRawPointer?) -> Registration? {
        lock.lock()
        defer { lock.unlock() }
        installHandler()
        guard let free = (0..<capacity).first(where: { entries[$0].action == nil }) else { return nil }
        entries[free] = Entry(action: action, context: context)
        return Registration(slot: free)
    }

    /// Removes a clean-up action registered earlier; it no longer runs on a signal.
    public static func unregister(_ registration: Registration) {
        lock.lock()
        defer { lock.unlock() }
        entries[registration.slot] = Entry()
    }

    private static func installHandler() {
        guard !installed else { return }
        installed = true
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { received in
                for i in 0..<Interrupts.capacity {
                    if let action = Interrupts.entries[i].action { action(Interrupts.entries[i].context) }
                }
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }
}
