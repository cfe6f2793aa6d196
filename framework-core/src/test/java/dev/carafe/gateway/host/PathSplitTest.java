package dev.carafe.gateway.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PathSplitTest {

    @Test
    void rootMountLeavesTheWholeDecodedPathToPathInfo() {
        assertEquals(Optional.of(new PathSplit("", "/a/b")), PathSplit.of("/a%2Fb", ""));
    }

    @Test
    void mountIsCutFromTheRawPathAndTheRestDecodedOneCharPerByte() {
        assertEquals(Optional.of(new PathSplit("/shop", "/caf\u00C3\u00A9")), PathSplit.of("/shop/caf%C3%A9", "/shop"));
    }

    @Test
    void requestForTheMountItselfHasEmptyPathInfo() {
        assertEquals(Optional.of(new PathSplit("/shop", "")), PathSplit.of("/shop", "/shop"));
    }

    @Test
    void pathThatOnlySharesAPrefixIsNotBelowTheMount() {
        assertEquals(Optional.empty(), PathSplit.of("/shopping", "/shop"));
        assertEquals(Optional.empty(), PathSplit.of("/sh", "/shop"));
        assertEquals(Optional.empty(), PathSplit.of("/other/x", "/shop"));
    }

    @Test
    void encodedCharsInTheMountMatchTheirDecodedBytes() {
        assertEquals(Optional.of(new PathSplit("/shop", "/x")), PathSplit.of("/sh%6Fp/x", "/shop"));
    }

    @Test
    void pathParametersOfTheMountSegmentsAreSkipped() {
        assertEquals(Optional.of(new PathSplit("/ctx/app", "/x;v=1")),
                PathSplit.of("/ctx;jsessionid=7/app;a=b/x;v=1", "/ctx/app"));
    }

    @Test
    void mountEndingWithASlashIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PathSplit.of("/a", "/shop/"));
        assertEquals("Mount point \"/shop/\" must be \"\" for the root or start with '/' and not end with one, for"
                + " example \"/shop\".", e.getMessage());
    }
}
