package uk.org.throughthegate.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A login to a Camunda webapp (Tasklist, Cockpit) as the browser makes it: open the app (session
 * and CSRF token), log in with the token, and take the new session's token from its first answer.
 * Gives the headers the app's later calls send; its APIs know only such a session.
 */
public final class WebappLogin {

    private WebappLogin() {
    }

    public static HttpHeaders session(TestRestTemplate http, String app, String user) {
        Map<String, String> cookies = new LinkedHashMap<>();
        keepCookies(http.getForEntity("/camunda/app/" + app + "/default/", String.class).getHeaders(), cookies);
        assertThat(cookies).as(app + "'s CSRF token").containsKey("XSRF-TOKEN");
        var form = new LinkedMultiValueMap<String, String>();
        form.add("username", user);
        form.add("password", TestPeople.PASSWORD);
        HttpHeaders login = headers(cookies);
        login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        var answer = http.postForEntity("/camunda/api/admin/auth/user/default/login/" + app, new HttpEntity<>(form, login),
                String.class);
        assertThat(answer.getStatusCode()).as("login to " + app + " as " + user).isEqualTo(HttpStatus.OK);
        // a login starts a new session, whose token comes with its first answer
        keepCookies(answer.getHeaders(), cookies);
        keepCookies(http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET, new HttpEntity<>(headers(cookies)),
                String.class).getHeaders(), cookies);
        return headers(cookies);
    }

    private static HttpHeaders headers(Map<String, String> cookies) {
        HttpHeaders headers = new HttpHeaders();
        cookies.forEach((name, value) -> headers.add(HttpHeaders.COOKIE, name + "=" + value));
        headers.add("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
        return headers;
    }

    private static void keepCookies(HttpHeaders answer, Map<String, String> cookies) {
        for (String cookie : answer.getOrEmpty(HttpHeaders.SET_COOKIE)) {
            String[] pair = cookie.split(";", 2)[0].split("=", 2);
            cookies.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
    }
}
