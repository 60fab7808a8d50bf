package dev.newsroom.devstack.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against a real Kafka broker and schema registry, shared by every test class in
 * the JVM and stopped when the JVM's tests end. Test methods and constructors declare a
 * {@link dev.newsroom.devstack.KafkaStack} parameter to get it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KafkaStackExtension.class)
@Tag("integration")
public @interface WithKafkaStack {
}
