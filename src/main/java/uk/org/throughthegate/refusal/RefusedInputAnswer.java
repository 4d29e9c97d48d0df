package uk.org.throughthegate.refusal;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every refusal reaching one of our REST endpoints answers 400 with each wrong field named. */
@RestControllerAdvice
class RefusedInputAnswer {

    @ExceptionHandler(InputRefused.class)
    ResponseEntity<Map<String, Object>> refused(InputRefused e) {
        RefusalLog.warn(e);
        return ResponseEntity.badRequest().body(Map.of(
                "message", e.getMessage(),
                "errors", e.errors().stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList()));
    }

    /** A body that is not the JSON object asked for; what was sent is not echoed. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Map.of("message",
                "the request body must be a JSON object of the fields named in the README"));
    }
}
