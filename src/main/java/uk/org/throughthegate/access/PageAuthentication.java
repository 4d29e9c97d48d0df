package uk.org.throughthegate.access;

import java.io.IOException;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Our pages for people ({@code /mails}, {@code /dashboard}) use the same login as Tasklist, Cockpit and Admin: whoever
 * is logged in to a Camunda webapp in this browser is who the engine sees, with their teams. Tools
 * may still send HTTP Basic credentials. Nobody logged in: 401 and a page that says where to log in,
 * not the browser's own password prompt.
 */
@Configuration(proxyBeanMethods = false)
class PageAuthentication {

    static final String COCKPIT_LOGIN = "/camunda/app/cockpit/default/";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> pageAuthenticationFilter(ProcessEngine engine) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new SessionOrBasic(engine));
        registration.setName("through-the-gate-page-authentication");
        registration.addUrlPatterns("/mails", "/dashboard", "/dashboard/*");
        return registration;
    }

    static final class SessionOrBasic extends OncePerRequestFilter {

        private final ProcessEngine engine;
        private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

        SessionOrBasic(ProcessEngine engine) {
            this.engine = engine;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String user = sessionUser(request);
            if (user == null && request.getHeader("Authorization") != null) {
                AuthenticationResult result = basic.extractAuthenticatedUser(request, engine);
                user = result.isAuthenticated() ? result.getAuthenticatedUser() : null;
            }
            if (user == null) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType("text/html;charset=UTF-8");
                response.getWriter().write("<!DOCTYPE html><html lang=\"en-GB\"><head><title>Log in first</title></head><body>"
                        + "<h1>Log in first</h1><p>This page is for people who work with Through the Gate. "
                        + "<a href=\"" + COCKPIT_LOGIN + "\">Log in to Cockpit</a>, then open it again.</p></body></html>");
                return;
            }
            IdentityService identity = engine.getIdentityService();
            identity.setAuthentication(user, AuthenticationUtil.getGroupsOfUser(engine, user),
                    AuthenticationUtil.getTenantsOfUser(engine, user));
            try {
                chain.doFilter(request, response);
            } finally {
                identity.clearAuthentication();
            }
        }

        private String sessionUser(HttpServletRequest request) {
            HttpSession session = request.getSession(false);
            if (session == null) {
                return null;
            }
            Authentications logins = AuthenticationUtil.getAuthsFromSession(session);
            Authentication login = logins == null ? null : logins.getAuthenticationForProcessEngine(engine.getName());
            return login == null ? null : login.getIdentityId();
        }
    }
}
