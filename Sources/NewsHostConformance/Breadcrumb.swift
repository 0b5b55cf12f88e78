import Foundation

/// What a conformance worker is doing, kept in a file as JSON so that the
/// runner can say which hook, article and check a crash or hang happened in
/// without parsing a sentence back.
struct Breadcrumb: Codable, Equatable, CustomStringConvertible {
    /// The hook being called (`create`, `process`, `finish`, `commit`,
    /// `destroy`), or `load` for dlopen and the entry function.
    var hook: String
    /// The article `process` was given.
    var article: String?
    /// Set when the hook has returned and what follows is the host's own
    /// look at what the plugin left (a guarded view made unreadable).
    var returned = false
    /// The check, when one worker group runs several.
    var check: String?
    /// What a person needs to know about the step, in a few words.
    var detail: String?

    init(_ hook: String, article: String? = nil, returned: Bool = false, check: Check? = nil, detail: String? = nil) {
        self.hook = hook
        self.article = article
        self.returned = returned
        self.check = check?.rawValue
        self.detail = detail
    }

    /// While the library is loaded.
    static let loading = Breadcrumb("load", detail: "dlopen runs its constructors, then newshost_plugin_entry")

    /// "in process, on article X (detail)", "after process returned on article X", "while loading …".
    var description: String {
        var text = hook == "load" ? "while loading the library" : returned ? "after \(hook) returned" : "in \(hook)"
        if let article { text += returned ? " on article \(article)" : ", on article \(article)" }
        let notes = [check, detail].compactMap { $0 }
        if !notes.isEmpty { text += " (\(notes.joined(separator: "; ")))" }
        return text
    }

    /// The JSON the worker writes.
    var encoded: Data { (try? JSONEncoder().encode(self)) ?? Data() }

    /// The breadcrumb in `data`, or nil when there is none (the worker never
    /// left one, or died while writing it).
    init?(decoding data: Data?) {
        guard let data, let decoded = try? JSONDecoder().decode(Breadcrumb.self, from: data) else { return nil }
        self = decoded
    }
}
