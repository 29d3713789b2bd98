/**
 * The deterministic demo province (a province modelled on Fujian): loaded once into an empty database when {@code
 * lims.demo.enabled} is true, by {@code DemoProvinceLoader}, which runs on its own when the application starts. It
 * writes its bulk rows through its own bulk writer and everything else through the features' public entry points.
 * Its only public types are the two things it asks of the application: {@link
 * org.metrolims.demo.PasswordHashing} (the demo users' password hash) and {@link
 * org.metrolims.demo.PtRoundPublishing} (the officer's signed publication of a PT round).
 */
package org.metrolims.demo;
