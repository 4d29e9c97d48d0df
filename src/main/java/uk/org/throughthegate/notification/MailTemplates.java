package uk.org.throughthegate.notification;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a mail from its three Thymeleaf templates in {@code src/main/resources/mail/}:
 * {@code <name>.subject.txt}, {@code <name>.txt} (plain-text part) and {@code <name>.html}.
 * Kept apart from the dashboard's templates so a mail template never becomes a web page.
 */
@Component
class MailTemplates {

    private final TemplateEngine text = engine(".txt", TemplateMode.TEXT);
    private final TemplateEngine html = engine(".html", TemplateMode.HTML);

    Rendered render(String template, Map<String, Object> model) {
        Context context = new Context(Locale.UK, model);
        return new Rendered(text.process(template + ".subject", context).strip(),
                text.process(template, context), html.process(template, context));
    }

    private static TemplateEngine engine(String suffix, TemplateMode mode) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        TemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    record Rendered(String subject, String text, String html) {
    }
}
