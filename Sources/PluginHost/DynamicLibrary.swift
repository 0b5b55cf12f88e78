import Glibc

/// A shared library opened with `dlopen(RTLD_NOW | RTLD_LOCAL)` and closed
/// with `dlclose` when the last reference goes away.
final class DynamicLibrary {
    let path: String
    private let handle: UnsafeMutableRawPointer

    /// Opens the library at `path`.
    init(path: String) throws(PluginLoadError) {
        _ = dlerror()
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "dlopen failed"
            throw .cannotOpen(path: path, reason: reason)
        }
        self.path = path
        self.handle = handle
    }

    /// The address of `name` in this library, or `nil`.
    func symbol(_ name: String) -> UnsafeMutableRawPointer? {
        dlsym(handle, name)
    }

    deinit {
        dlclose(handle)
    }
}
