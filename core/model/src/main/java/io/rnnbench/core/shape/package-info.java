/**
 * Shape checks with one wording everywhere ({@link io.rnnbench.core.shape.Shapes}): the operation, what was
 * expected and what came. Used by the model and by every backend.
 */
package io.rnnbench.core.shape;
