import Glibc
import NewsHostCore
@_spi(Benchmarks) import PluginHost

/// The floor: the plugin's plain C functions, called through pointers.
struct DirectCall {
    typealias Noop = @convention(c) () -> Int32
    typealias Label = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    let noop: Noop
    let label: Label

    init(library path: String) {
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL),
              let noop = dlsym(handle, "nb_noop"), let label = dlsym(handle, "nb_label")
        else { fatalError("cannot load \(path): \(String(cString: dlerror()))") }
        self.noop = unsafeBitCast(noop, to: Noop.self)
        self.label = unsafeBitCast(label, to: Label.self)
    }
}

/// The same plugin as a Swift protocol, the way an in-language plugin
/// system would call it.
protocol SwiftPlugin {
    func process(_ article: Article) -> Int32
}

final class SwiftNoop: SwiftPlugin {
    @inline(never) func process(_ article: Article) -> Int32 { 0 }
}

final class SwiftLabel: SwiftPlugin {
    @inline(never) func process(_ article: Article) -> Int32 {
        var count: Int32 = 0
        for paragraph in article.paragraphs { count &+= pickLabel(paragraph.utf8) }
        return count % 8
    }
}

/// The host's own path: the plugin loaded by the host's loader, the article
/// lent as a view, `process` called through the typed v1 pointer (the
/// default) or libffi (the generic path every other hook takes).
func hostInstance(_ path: String, dispatch: PluginLibrary.Dispatch) throws -> PluginInstance {
    try PluginInstance(library: try PluginLibrary(path: path, dispatch: dispatch), options: [], logHandler: { _ in })
}
