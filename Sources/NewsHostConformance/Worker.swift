import Foundation
import NewsHostCore
import PluginHost

/// Runs conformance checks inside the worker process the runner spawned,
/// so that whatever the plugin does to the process affects one check only.
public struct Worker {
    /// The plugin library under test.
    public var pluginPath: String
    /// Directory of seed pages, if any.
    public var seedsDirectory: String?
    /// A directory the checks may write in (exporter output goes here).
    public var scratchDirectory: String
    /// A file the worker keeps what it is doing in ("in process, on article
    /// X", "in destroy"), so a crash or hang can be pinned to a hook and an
    /// article.
    public var breadcrumbPath: String?

    /// Creates a worker.
    public init(pluginPath: String, seedsDirectory: String?, scratchDirectory: String, breadcrumbPath: String? = nil) {
        self.pluginPath = pluginPath
        self.seedsDirectory = seedsDirectory
        self.scratchDirectory = scratchDirectory
        self.breadcrumbPath = breadcrumbPath
    }

    /// Records what the worker is about to do.
    func leaveBreadcrumb(_ doing: Breadcrumb) {
        guard let breadcrumbPath else { return }
        _ = FileManager.default.createFile(atPath: breadcrumbPath, contents: doing.encoded)
    }

    /// Runs `group`: "load" (every level-1 check, and who the plugin is)
    /// or one check id.
    public func run(_ group: String) -> WorkerReport {
        if group == "load" {
            var identity: PluginIdentity?
            let results = LoadChecks(path: pluginPath, scratchDirectory: scratchDirectory, breadcrumb: leaveBreadcrumb)
                .run {
                    identity = PluginIdentity($0)
                }
            return WorkerReport(results: results, identity: identity)
        }
        return WorkerReport(results: runBehaviour(group), identity: nil)
    }

    private func runBehaviour(_ group: String) -> [CheckResult] {
        guard let check = Check(rawValue: group) else { return [] }
        let start = Date()
        do {
            let note = try BehaviourChecks(worker: self).run(check)
            return [
                CheckResult(
                    check: check, outcome: note.skipped ? .skipped : .passed,
                    seconds: Date().timeIntervalSince(start), message: note.message, metrics: note.metrics)
            ]
        } catch {
            return [
                CheckResult(
                    check: check, outcome: .failed, seconds: Date().timeIntervalSince(start), message: "\(error)")
            ]
        }
    }
}

/// Level 1: what loading the library tells, one check per rule.
struct LoadChecks {
    let path: String
    let scratchDirectory: String
    let breadcrumb: (Breadcrumb) -> Void

    /// Runs the checks; `loaded` hears the descriptor of a plugin that loads.
    func run(loaded: (PluginDescriptor) -> Void = { _ in }) -> [CheckResult] {
        let start = Date()
        let order = Check.upTo(level: 1)
        let library: PluginLibrary
        do {
            breadcrumb(.loading)
            library = try PluginLibrary(path: path)
        } catch {
            // Only what the loader verified before it stopped has passed; a
            // check it never reached is skipped, never passed.
            let failing = Self.check(for: error)
            // Version and description have rules beyond what the loader
            // checks (semantic, 8+ characters), which need a loaded plugin.
            let verified = Set(Self.loaderOrder.prefix { $0 != failing }).subtracting([.version, .description])
            return order.map { check in
                if check == failing {
                    return CheckResult(
                        check: check, outcome: .failed, seconds: Date().timeIntervalSince(start),
                        message: error.description)
                }
                if verified.contains(check) { return CheckResult(check: check, outcome: .passed) }
                return CheckResult(
                    check: check, outcome: .skipped, message: "not checked: \(failing.rawValue) failed first")
            }
        }
        let d = library.descriptor
        loaded(d)
        return order.map { check in
            switch check {
            case .version where !Self.isSemanticVersion(d.version):
                return CheckResult(
                    check: check, outcome: .failed,
                    message: "version `\(d.version)` is not semantic; use MAJOR.MINOR.PATCH such as 1.0.0")
            case .description where d.description.count < 8 || d.vendor.trimmingCharacters(in: .whitespaces).isEmpty:
                return CheckResult(
                    check: check, outcome: .failed,
                    message: "give a one-line description of at least 8 characters and a vendor")
            case .optionDefaults:
                do {
                    breadcrumb(Breadcrumb("create", check: .optionDefaults))
                    let instance = try PluginInstance(
                        library: library, options: ScratchOptions.defaults(for: d, in: scratchDirectory),
                        logHandler: { _ in })
                    breadcrumb(Breadcrumb("destroy", check: .optionDefaults))
                    instance.destroy()
                    return CheckResult(check: check, outcome: .passed)
                } catch {
                    return CheckResult(
                        check: check, outcome: .failed,
                        message:
                            "create refuses the plugin's own defaults: \(error); every default in the option table must be accepted"
                    )
                }
            default:
                return CheckResult(check: check, outcome: .passed)
            }
        }
    }

    /// The order in which the loader (`DescriptorReader`) verifies what the
    /// level-1 checks report: a failure means every check before it passed.
    static let loaderOrder: [Check] = [
        .open, .entry, .structSizes, .abi, .id, .version, .description, .kind, .optionTable, .hooks,
    ]

    static func isSemanticVersion(_ text: String) -> Bool {
        let core = text.split(separator: "-", maxSplits: 1).first.map(String.init) ?? ""
        let parts =
            core.split(separator: "+", maxSplits: 1).first?.split(separator: ".", omittingEmptySubsequences: false)
            ?? []
        return parts.count == 3
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    static func check(for error: PluginLoadError) -> Check {
        switch error {
        case .cannotOpen: return .open
        case .missingEntrySymbol, .nullDescriptor: return .entry
        case .abiMajorMismatch, .abiMinorTooNew: return .abi
        case .badStructSize: return .structSizes
        case .invalidID: return .id
        case .missingText(_, let field): return field == "version" ? .version : field == "id" ? .id : .description
        case .unknownKind, .unknownFlags: return .kind
        case .missingHook, .duplicateHook, .nullHookFunction, .malformedSignature, .signatureMismatch,
            .cannotPrepareCall:
            return .hooks
        case .invalidOption: return .optionTable
        case .invalidHookTable, .hookNeedsNewerMinor, .hookNotForKind: return .hooks
        }
    }
}

/// The option values checks create instances with: the defaults, except
/// that output paths point into the check's scratch directory (a default of
/// `-`, stdout, would mix the plugin's output into the report).
enum ScratchOptions {
    static func defaults(for descriptor: PluginDescriptor, in directory: String) -> [(key: String, value: String)] {
        descriptor.options.map { option in
            guard option.type == .path, !option.defaultValue.isEmpty else { return (option.key, option.defaultValue) }
            let name = "\(descriptor.id)-\(option.key)-\(UUID().uuidString.prefix(8)).out"
            return (option.key, (directory as NSString).appendingPathComponent(name))
        }
    }
}

/// What a check's worker process reports.
public struct WorkerReport: Sendable, Codable {
    public var results: [CheckResult]
    /// Who the plugin is, from the load group when it loads.
    public var identity: PluginIdentity?
}

/// Who a plugin says it is, for reports.
public struct PluginIdentity: Sendable, Codable, Equatable {
    public var id: String
    public var version: String
    public var kind: String
    public var abi: String

    init(_ descriptor: PluginDescriptor) {
        id = descriptor.id
        version = descriptor.version
        kind = descriptor.kind.rawValue
        abi = "\(descriptor.abiMajor).\(descriptor.abiMinor)"
    }
}
