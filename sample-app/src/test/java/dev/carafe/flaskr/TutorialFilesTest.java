package dev.carafe.flaskr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/tutorial.md quotes flaskr's templates and schema whole: a block after a line
 * {@code <!-- file: PATH -->} must equal that file of the repository, so the tutorial cannot drift
 * from the code (DocSnippetsTest does the same for Java regions).
 */
class TutorialFilesTest {

    private static final Pattern BLOCK = Pattern.compile("<!-- file: (\\S+) -->\\n```\\w+\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyQuotedFileInTheTutorialIsTheFileItself() throws IOException {
        Path root = Path.of("..");
        String tutorial = Files.readString(root.resolve("docs/tutorial.md"));
        List<String> differing = new ArrayList<>();
        int checked = 0;
        Matcher m = BLOCK.matcher(tutorial);
        while (m.find()) {
            Path file = root.resolve(m.group(1));
            if (!Files.isRegularFile(file) || !Files.readString(file).equals(m.group(2))) {
                differing.add(m.group(1));
            }
            checked++;
        }
        assertEquals(List.of(), differing, "docs/tutorial.md quotes these files differently; copy them again");
        assertTrue(checked >= 6, "the tutorial quotes the schema and the templates; found " + checked);
    }
}
