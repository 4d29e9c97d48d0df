package uk.org.throughthegate.model;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads a text fact a process keeps (a case reference, a team id, who made a change, a mail's
 * key): text, or null where unset; a value of any other type is a modelling error, named with the
 * variable, not a ClassCastException somewhere later.
 */
public final class TextFact {

    private TextFact() {
    }

    /** This scope's variable, or its nearest enclosing scope's. */
    public static String of(VariableScope scope, String name) {
        return text(name, scope.getVariable(name));
    }

    /** This scope's own variable (a task-local one, say). */
    public static String local(VariableScope scope, String name) {
        return text(name, scope.getVariableLocal(name));
    }

    /** A variable of another execution (a running journey, from one of its change processes). */
    public static String of(RuntimeService runtime, String executionId, String name) {
        return text(name, runtime.getVariable(executionId, name));
    }

    static String text(String name, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return text;
        }
        throw new IllegalStateException("the variable '" + name + "' holds " + value.getClass().getSimpleName()
                + ", not text");
    }
}
