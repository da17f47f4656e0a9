import Foundation
import Testing
@testable import MetadataLint
@testable import LintArtifacts
@testable import LintJSON
@testable import LintModel
@testable import LintReport
@testable import LintRules
@testable import LintSource
@testable import LintSupport

@Suite struct SchemaTests {
    @Test func configSchemaListsExactlyTheCatalogue() throws {
        let url = TestSupport.packageRoot.appendingPathComponent("schemas/metadata-lint-config.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let properties = try #require(schema["properties"] as? [String: Any])
        let rules = try #require(properties["rules"] as? [String: Any])
        let names = try #require((rules["propertyNames"] as? [String: Any])?["enum"] as? [String])
        #expect(names == Rules.all.map(\.id), "regenerate schemas/metadata-lint-config.schema.json from `metadata-lint rules --json`")
        let custom = try #require((properties["custom-rules"] as? [String: Any])?["items"] as? [String: Any])
        let keys = try #require((custom["properties"] as? [String: Any]).map { Set($0.keys) })
        #expect(keys == Set(ConfigLoader.ruleKeys))
    }
}
