package dev.lambdaguard.aws.layer;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The type arguments a handler class gives an interface such as {@code RequestHandler<I, O>}, found as the
 * runtime finds them: breadth first through the class's interfaces and superclasses, type variables resolved
 * along the way, the first parameterized subtype of the interface winning.
 */
final class TypeArguments {

  private TypeArguments() {}

  /** The arguments, or null when {@code type} never gives {@code iface} concrete parameters. */
  static Type[] of(Class<?> type, Class<?> iface) {
    Deque<Step> queue = new ArrayDeque<>();
    queue.add(new Step(type, null));
    while (!queue.isEmpty()) {
      Step step = queue.removeFirst();
      for (Type candidate : step.type.getGenericInterfaces()) {
        if (candidate instanceof ParameterizedType parameterized) {
          Step next = step.enter(parameterized);
          if (iface.isAssignableFrom(next.type)) {
            return next.arguments;
          }
          queue.addLast(next);
        } else if (candidate instanceof Class<?> c) {
          queue.addLast(step.enter(c));
        }
      }
      Type superclass = step.type.getGenericSuperclass();
      if (superclass instanceof ParameterizedType parameterized) {
        queue.addLast(step.enter(parameterized));
      } else if (superclass instanceof Class<?> c) {
        queue.addLast(step.enter(c));
      }
    }
    return null;
  }

  /** A class reached in the walk, with the arguments of its type parameters where known. */
  private record Step(Class<?> type, Type[] arguments) {

    Step enter(ParameterizedType parameterized) {
      Type[] args = parameterized.getActualTypeArguments().clone();
      for (int i = 0; i < args.length; i++) {
        if (args[i] instanceof TypeVariable<?> variable) {
          args[i] = resolve(variable);
        }
      }
      return new Step((Class<?>) parameterized.getRawType(), args);
    }

    Step enter(Class<?> raw) {
      TypeVariable<?>[] parameters = raw.getTypeParameters();
      if (parameters.length == 0 || arguments == null) {
        return new Step(raw, null);
      }
      Type[] args = new Type[parameters.length];
      for (int i = 0; i < args.length; i++) {
        args[i] = resolve(parameters[i]);
      }
      return new Step(raw, args);
    }

    private Type resolve(TypeVariable<?> variable) {
      TypeVariable<?>[] own = type.getTypeParameters();
      for (int i = 0; i < own.length; i++) {
        if (own[i].getName().equals(variable.getName())) {
          return arguments == null ? own[i] : arguments[i];
        }
      }
      return variable;
    }
  }
}
