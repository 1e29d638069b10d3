import Dispatch
import Foundation

/// One slot per concurrent worker: each worker fills its own, and the caller reads them all,
/// in index order, once every worker is done.
public final class Slots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]

    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// Puts `value` in slot `i`; safe to call from any thread.
    public func set(_ i: Int, _ value: Value) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }

    /// Every slot's value; call after all have been set.
    public var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}

/// `(0..<count).map(body)` with the calls running side by side on the available cores
/// (CPU-bound work); results in index order.
public func concurrentMap<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let results = Slots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { i in results.set(i, body(i)) }
    return results.values
}
