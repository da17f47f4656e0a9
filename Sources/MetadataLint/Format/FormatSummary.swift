/// The line `fmt` ends with.
public enum FormatSummary {
    public static func line(changed: Int, unchanged: Int, refused: Int, wrote: Bool) -> String {
        func files(_ n: Int) -> String { "\(n) file\(n == 1 ? "" : "s")" }
        var parts = [files(changed) + (wrote ? " reformatted" : " would be reformatted"),
                     "\(files(unchanged)) already formatted"]
        if refused > 0 { parts.append("\(files(refused)) not formatted (not valid JSON or duplicate keys)") }
        return parts.joined(separator: ", ")
    }
}
