package dev.carafe;

import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.util.List;
import java.util.Optional;

/**
 * The binding of an {@code @FormParam} parameter typed {@link UploadedFile}, {@code Optional<UploadedFile>}
 * or {@code List<UploadedFile>}: the files of a multipart field.
 */
final class FileBinding {

    private FileBinding() {
    }

    /** @return true if the parameter receives uploaded files */
    static boolean isFile(Parameter parameter) {
        Class<?> raw = parameter.getType();
        if (raw == UploadedFile.class) {
            return true;
        }
        return (raw == Optional.class || raw == List.class)
                && parameter.getParameterizedType() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] == UploadedFile.class;
    }

    /**
     * Creates the binding.
     *
     * @param parameter the parameter
     * @param field the multipart field name
     */
    static ParameterBinder.Binding of(Parameter parameter, String field) {
        Class<?> raw = parameter.getType();
        if (raw == List.class) {
            return request -> request.files().getOrDefault(field, List.of());
        }
        if (raw == Optional.class) {
            return request -> request.files().getOrDefault(field, List.of()).stream().findFirst();
        }
        return request -> {
            List<UploadedFile> files = request.files().getOrDefault(field, List.of());
            if (files.isEmpty()) {
                throw new HttpError.BadRequest("Missing file '" + field + "' (UploadedFile) for "
                        + request.method() + " " + request.path() + ". Send it as the file field " + field
                        + " of a multipart/form-data body, or declare the parameter as Optional<UploadedFile>.");
            }
            return files.get(0);
        };
    }
}
