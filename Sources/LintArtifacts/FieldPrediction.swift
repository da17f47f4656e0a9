import LintRules
import LintModel
import LintJSON
import LintSource
import LintSupport

/// Records of one type list their fields in the same order, so the field after a given field is
/// usually the one that followed it last time. Checking that guess costs one byte comparison;
/// only a wrong guess hashes the key.
final class FieldPrediction {
    /// By field id: the index (in its object) of the field that followed it last time, or -1; the
    /// slots from `fieldCount` on hold each object's first field.
    private let next: UnsafeMutablePointer<Int32>
    let fieldCount: Int

    init(fieldCount: Int, objectCount: Int) {
        self.fieldCount = fieldCount
        next = .allocate(capacity: fieldCount + objectCount)
        next.initialize(repeating: -1, count: fieldCount + objectCount)
    }

    deinit { next.deallocate() }

    /// The slot holding the guess for an object's first field.
    @inline(__always) func firstSlot(of objectIndex: Int) -> Int { fieldCount + objectIndex }

    /// The index of `key` in `table`, guessed from `slot` and learnt for next time.
    @inline(__always)
    func lookup(_ table: ByteKeyTable, _ p: UnsafePointer<UInt8>, _ n: Int, slot: Int) -> Int? {
        let guess = Int(next[slot])
        if guess >= 0, table.key(guess, is: p, n) { return guess }
        let found = table.lookup(p, n)
        next[slot] = Int32(found ?? -1)
        return found
    }
}
