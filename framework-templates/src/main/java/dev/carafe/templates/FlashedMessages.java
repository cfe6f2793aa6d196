package dev.carafe.templates;

import dev.carafe.Flash;
import dev.carafe.Request;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flask's {@code get_flashed_messages(with_categories=false, category_filter=[])} in templates,
 * through {@link Flash#messages}: the messages' texts, or with categories a list of
 * {@code [category, message]} pairs ({@code pair[0]}, {@code pair[1]}: Pebble has no tuple
 * unpacking in {@code for}). Outside a request there are none.
 */
final class FlashedMessages implements Function {

    @Override
    public List<String> getArgumentNames() {
        return List.of("with_categories", "category_filter");
    }

    @Override
    public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
        Optional<Request> request = RenderScope.of(context, self, line).request();
        if (request.isEmpty()) {
            return List.of();
        }
        boolean withCategories = Truthiness.of(args.get("with_categories"));
        List<Flash.Message> messages = Flash.messages(request.get(), categories(args.get("category_filter"), self, line));
        List<Object> shown = new ArrayList<>(messages.size());
        for (Flash.Message message : messages) {
            shown.add(withCategories ? List.of(message.category(), message.text()) : message.text());
        }
        return shown;
    }

    private static String[] categories(Object filter, PebbleTemplate self, int line) {
        if (filter == null) {
            return new String[0];
        }
        if (filter instanceof String category) {
            return new String[] {category};
        }
        if (filter instanceof Collection<?> categories) {
            return categories.stream().map(String::valueOf).toArray(String[]::new);
        }
        throw new PebbleException(null, "get_flashed_messages: category_filter must be a list of categories, "
                + "for example category_filter=['error']; got a " + filter.getClass().getSimpleName(), line,
                self.getName());
    }
}
