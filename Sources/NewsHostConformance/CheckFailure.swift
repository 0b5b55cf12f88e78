/// A failed check, with the message that tells the plugin's author what to fix.
struct CheckFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
