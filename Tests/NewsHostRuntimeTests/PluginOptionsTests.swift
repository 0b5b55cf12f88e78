import NewsHostTestSupport
import Testing

@testable import NewsHostRuntime
@testable import PluginHost

@Suite struct PluginOptionsTests {
    let descriptor = try! PluginLibrary(path: TestPaths.plugin("classify")).descriptor

    @Test func parsesAssignments() throws {
        let assignment = try OptionAssignment(parsing: "export-csv.path=out/a=b.csv")
        #expect(assignment == (try OptionAssignment(parsing: "export-csv.path=out/a=b.csv")))
        #expect(assignment.plugin == "export-csv" && assignment.key == "path" && assignment.value == "out/a=b.csv")
        #expect(throws: RuntimeError.malformedOption("threshold=1")) { try OptionAssignment(parsing: "threshold=1") }
        #expect(throws: RuntimeError.malformedOption(".x=1")) { try OptionAssignment(parsing: ".x=1") }
    }

    @Test func defaultsFillTheRestInTableOrder() throws {
        let values = try PluginOptions.resolve(
            [try OptionAssignment(parsing: "classify.max-labels=5")], for: descriptor)
        #expect(values.map(\.key) == ["taxonomy", "threshold", "max-labels"])
        #expect(values.map(\.value) == ["", "0.5", "5"])
    }

    @Test func unknownKeyIsRefusedWithTheKnownOnes() throws {
        #expect(
            throws: RuntimeError.unknownOptionKey(
                plugin: "classify", key: "colour", known: ["taxonomy", "threshold", "max-labels"])
        ) {
            try PluginOptions.resolve([try OptionAssignment(parsing: "classify.colour=red")], for: descriptor)
        }
    }

    @Test func badValueIsRefusedBeforeCreate() throws {
        #expect(
            throws: RuntimeError.badOptionValue(
                plugin: "classify", key: "threshold", value: "high", problem: "expected a finite number such as 0.5")
        ) {
            try PluginOptions.resolve([try OptionAssignment(parsing: "classify.threshold=high")], for: descriptor)
        }
    }

    @Test(arguments: [
        (OptionType.int, "12", true), (.int, "1.5", false), (.bool, "true", true), (.bool, "yes", false),
        (.float, "nan", false), (.float, "1e-3", true), (.choice(["a", "b"]), "b", true), (.choice(["a"]), "c", false),
    ])
    func typesAreChecked(type: OptionType, value: String, valid: Bool) {
        #expect((OptionValidation.problem(with: value, for: type) == nil) == valid)
    }
}
