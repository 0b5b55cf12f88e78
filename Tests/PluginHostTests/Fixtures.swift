import Foundation
import NewsHostTestSupport

/// Fixture plugins, compiled once per test run into one directory.
enum Fixtures {
    static let directory: URL = try! TestPaths.temporaryDirectory()

    private static let lock = NSLock()
    nonisolated(unsafe) private static var built: [String: String] = [:]

    /// The fixture variant `name` built with `defines`, compiled on first use.
    static func plugin(_ name: String, _ defines: [String] = []) throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if let path = built[name] { return path }
        let path = try PluginCompiler.fixture(name, defines: defines, into: directory)
        built[name] = path
        return path
    }
}
