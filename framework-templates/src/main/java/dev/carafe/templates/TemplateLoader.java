package dev.carafe.templates;

import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.loader.Loader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Pebble's view of the template folders: a name is looked up in each folder in order (the app's
 * folder, then the blueprints' in registration order) and the first that has it wins, as Flask's
 * {@code DispatchingJinjaLoader} does. Names are always relative to the folders' roots, as in
 * Jinja. String templates carry their source in their name, after a prefix with this loader's
 * secret token (see {@link TemplateNames}); any other name with a control character is refused.
 */
final class TemplateLoader implements Loader<String> {

    /**
     * A folder and who it belongs to.
     *
     * @param owner for messages: {@code the app} or {@code blueprint 'auth'}
     * @param folder the folder
     */
    record Source(String owner, TemplateFolder folder) {
    }

    private final List<Source> sources;
    private final String stringPrefix = TemplateNames.newStringPrefix();
    private volatile Charset charset = StandardCharsets.UTF_8;

    TemplateLoader(List<Source> sources) {
        this.sources = List.copyOf(sources);
    }

    /** Returns the name under which this loader reads a string template's source from the name itself. */
    String stringTemplate(String source) {
        return stringPrefix + source;
    }

    /** @return the folders, in lookup order */
    List<Source> sources() {
        return sources;
    }

    @Override
    public Reader getReader(String name) {
        if (name.startsWith(stringPrefix)) {
            return new StringReader(name.substring(stringPrefix.length()));
        }
        Optional<String> problem = TemplateNames.problem(name);
        if (problem.isPresent()) {
            throw missing(name, "not a valid template name: " + problem.get());
        }
        for (Source source : sources) {
            Optional<InputStream> in = source.folder().open(name);
            if (in.isPresent()) {
                return new InputStreamReader(in.get(), charset);
            }
        }
        throw missing(name, "not found; searched, in order: " + searched());
    }

    private static LoaderException missing(String name, String reason) {
        return new LoaderException(new MissingTemplate(name, reason), "Template '" + name + "' " + reason + ".");
    }

    /** @return the folders as a missing template's message lists them */
    String searched() {
        return sources.stream().map(source -> source.owner() + ": " + source.folder().describe())
                .collect(Collectors.joining("; "));
    }

    @Override
    public void setCharset(String charset) {
        this.charset = Charset.forName(charset);
    }

    @Override
    public void setPrefix(String prefix) {
        throw new UnsupportedOperationException("Carafe's template folders have no prefix: choose the folders "
                + "with Templates.builder(app).folder(...) or .classpathFolder(...)");
    }

    @Override
    public void setSuffix(String suffix) {
        throw new UnsupportedOperationException("Carafe's template names have no implicit suffix: write the "
                + "whole name, for example 'blog/index.html'");
    }

    /** Jinja's rule: a name in {@code extends}, {@code include} or {@code import} is relative to the folders, never to the template. */
    @Override
    public String resolveRelativePath(String relativePath, String anchorPath) {
        return relativePath;
    }

    @Override
    public String createCacheKey(String name) {
        return name;
    }

    @Override
    public boolean resourceExists(String name) {
        if (name.startsWith(stringPrefix)) {
            return true;
        }
        if (TemplateNames.problem(name).isPresent()) {
            return false;
        }
        for (Source source : sources) {
            Optional<InputStream> in = source.folder().open(name);
            if (in.isPresent()) {
                try {
                    in.get().close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return true;
            }
        }
        return false;
    }
}
