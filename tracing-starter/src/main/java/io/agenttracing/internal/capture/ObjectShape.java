package io.agenttracing.internal.capture;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The fields of a user type that capture reads, found once per class. Capture reads
 * fields, never getters, so that it runs no user code: a getter may have a side effect,
 * be slow, or consume a stream. Static, transient and synthetic fields, and fields marked
 * {@code @JsonIgnore}, are left out; a record's fields are its components, in order.
 */
final class ObjectShape {

	private static final ClassValue<ObjectShape> SHAPES = new ClassValue<>() {

		@Override
		protected ObjectShape computeValue(Class<?> type) {
			return inspect(type);
		}

	};

	/**
	 * The shape of a type whose fields cannot be read (a JDK or module-encapsulated
	 * class).
	 */
	static final ObjectShape OPAQUE = new ObjectShape(new String[0], new Field[0], false);

	private final String[] names;

	private final Field[] fields;

	private final boolean readable;

	private ObjectShape(String[] names, Field[] fields, boolean readable) {
		this.names = names;
		this.fields = fields;
		this.readable = readable;
	}

	static ObjectShape of(Class<?> type) {
		return SHAPES.get(type);
	}

	boolean isReadable() {
		return this.readable;
	}

	int size() {
		return this.fields.length;
	}

	String name(int index) {
		return this.names[index];
	}

	@Nullable Object value(int index, Object target) throws IllegalAccessException {
		return this.fields[index].get(target);
	}

	private static ObjectShape inspect(Class<?> type) {
		try {
			List<Field> fields = new ArrayList<>();
			if (type.isRecord()) {
				for (RecordComponent component : type.getRecordComponents()) {
					fields.add(type.getDeclaredField(component.getName()));
				}
			}
			else {
				Set<String> seen = new HashSet<>();
				for (Class<?> current = type; current != null
						&& !JdkTypes.isJdk(current); current = current.getSuperclass()) {
					for (Field field : current.getDeclaredFields()) {
						if (isCaptured(field) && seen.add(field.getName())) {
							fields.add(field);
						}
					}
				}
			}
			String[] names = new String[fields.size()];
			for (int i = 0; i < names.length; i++) {
				Field field = fields.get(i);
				field.setAccessible(true);
				names[i] = field.getName();
			}
			return new ObjectShape(names, fields.toArray(new Field[0]), true);
		}
		catch (RuntimeException | NoSuchFieldException | LinkageError ex) {
			// InaccessibleObjectException (a module that does not open the package),
			// missing classes.
			return OPAQUE;
		}
	}

	private static boolean isCaptured(Field field) {
		int modifiers = field.getModifiers();
		if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
			return false;
		}
		for (Annotation annotation : field.getDeclaredAnnotations()) {
			if (annotation.annotationType().getSimpleName().equals("JsonIgnore")) {
				return false;
			}
		}
		return true;
	}

}
