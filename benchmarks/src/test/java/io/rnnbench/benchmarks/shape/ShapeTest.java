package io.rnnbench.benchmarks.shape;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShapeTest {

    @Test
    void presetsAreFoundByName() {
        assertSame(Shape.CHAR, Shape.parse("char"));
        assertEquals(3, Shape.parse("char-deep").layers());
        assertEquals(new Shape("large", 256, 512, 64, 50, 1, false), Shape.parse("large"));
    }

    @Test
    void customSizesInEitherSyntaxGiveTheSameCanonicalShape() {
        Shape dashed = Shape.parse("X64-H128-B8-T20-L2");
        Shape commas = Shape.parse("X=64,H=128,B=8,T=20,L=2");

        assertEquals(new Shape("X64-H128-B8-T20-L2", 64, 128, 8, 20, 2, false), dashed);
        assertEquals(dashed, commas);
        assertEquals(dashed, Shape.parse(dashed.name()), "the name parses back");
        assertTrue(Shape.parse("L1-T25-B1-H128-X65-onehot").oneHot());
        assertEquals("X65-H128-B1-T25-L1-onehot", Shape.parse("X=65,H=128,B=1,T=25,L=1,onehot").name());
    }

    @Test
    void badShapesNameThePresetsAndTheSyntax() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Shape.parse("huge"));
        assertTrue(unknown.getMessage().contains("char, char-deep, medium, large"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("X64-H128-B8-T20-L2"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Shape.parse("X64-H128-B8-T20"), "L missing");
        assertThrows(IllegalArgumentException.class, () -> Shape.parse("X64-X65-H128-B8-T20-L1"), "X twice");
        assertThrows(IllegalArgumentException.class, () -> Shape.parse("X0-H128-B8-T20-L1"), "X = 0");
    }

    @Test
    void oneStepOfOneLayerKeepsWidthsAndBatch() {
        Shape step = Shape.MEDIUM.oneStepOfOneLayer();
        assertEquals(new Shape("medium", 128, 256, 32, 1, 1, false), step);
    }
}
