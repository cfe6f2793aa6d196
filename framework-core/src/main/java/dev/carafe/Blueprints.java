package dev.carafe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The blueprint registrations of one App: their scopes by full name, which blueprint objects already
 * ran their app-wide registrations, and, once frozen, which scope owns a path's 404 and 405.
 */
final class Blueprints {

    private final Map<String, RegisteredBlueprint> registered = new LinkedHashMap<>();
    private final List<Scope> scopes = new ArrayList<>();
    private final Set<Blueprint> appWideDone = Collections.newSetFromMap(new IdentityHashMap<>());
    private List<Scope> owners = List.of();

    /**
     * Records a registration and creates its scope.
     *
     * @throws IllegalArgumentException when the full name is already registered, saying how to rename
     */
    Scope add(Scope parent, String ownName, String ownPrefix, Blueprint blueprint) {
        String full = parent.qualified(ownName);
        RegisteredBlueprint earlier = registered.get(full);
        if (earlier != null) {
            throw new IllegalArgumentException("The name '" + full + "' is already registered for "
                    + (earlier.blueprint() == blueprint ? "this" : "a different") + " blueprint (at URL prefix '"
                    + earlier.urlPrefix() + "'). Endpoint names must stay unique: register it under another name, "
                    + "for example register(blueprint, BlueprintOptions.named(\"" + ownName + "2\").withUrlPrefix(\"/"
                    + ownName + "2\")).");
        }
        Scope scope = parent.child(blueprint, ownName, ownPrefix);
        registered.put(full, new RegisteredBlueprint(full, scope.prefix(), blueprint));
        scopes.add(scope);
        return scope;
    }

    /** @return true the first time a blueprint object asks on this App: its app-wide functions apply once */
    boolean firstAppWide(Blueprint blueprint) {
        return appWideDone.add(blueprint);
    }

    /** @return the scopes of the registrations, in order */
    List<Scope> scopes() {
        return List.copyOf(scopes);
    }

    /** @return the registrations in order */
    List<RegisteredBlueprint> list() {
        return List.copyOf(registered.values());
    }

    /**
     * Freezes every scope (parents were registered, so are frozen, before their children) and
     * orders them for {@link #owner}: longest prefix first.
     */
    void freeze() {
        List<Scope> byPrefix = new ArrayList<>();
        for (Scope scope : scopes) {
            scope.freeze();
            byPrefix.add(scope);
        }
        byPrefix.sort(Comparator.comparingInt((Scope s) -> s.prefix().length()).reversed());
        owners = List.copyOf(byPrefix);
    }

    /**
     * The blueprint registration that owns a path no rule matched: the one with the longest URL
     * prefix the path falls under.
     *
     * @param path the request path
     * @return the scope, or empty when no blueprint's prefix covers the path
     */
    Optional<Scope> owner(String path) {
        for (Scope scope : owners) {
            if (scope.owns(path)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
