import Foundation
import NewsHostCore
import WasmKit

/// The plugin as a WebAssembly module run by WasmKit: the article body is
/// copied into the module's linear memory for every call.
struct WasmPlugin {
    private let noopFunction: Function
    private let labelFunction: Function
    private let memory: Memory
    private let buffer: UInt

    init(path: String) throws {
        let module = try parseWasm(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        let store = Store(engine: Engine())
        let instance = try module.instantiate(store: store)
        guard let noop = instance.exports[function: "nb_noop"], let label = instance.exports[function: "nb_label"],
              let bufferFunction = instance.exports[function: "nb_buffer"], let memory = instance.exports[memory: "memory"]
        else { fatalError("\(path): missing exports") }
        noopFunction = noop
        labelFunction = label
        self.memory = memory
        buffer = UInt(try bufferFunction([])[0].i32)
    }

    func noop() throws -> Int32 {
        Int32(bitPattern: try noopFunction([])[0].i32)
    }

    /// Copies the body into linear memory and asks for the label.
    func label(_ article: Article) throws -> Int32 {
        var body = article.body
        let count = body.utf8.count
        body.withUTF8 { utf8 in
            memory.withUnsafeMutableBufferPointer(offset: buffer, count: count) { target in
                target.copyMemory(from: UnsafeRawBufferPointer(utf8))
            }
        }
        return Int32(bitPattern: try labelFunction([.i32(UInt32(count))])[0].i32)
    }
}
