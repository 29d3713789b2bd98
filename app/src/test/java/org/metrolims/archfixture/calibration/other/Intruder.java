package org.metrolims.archfixture.calibration.other;

import org.metrolims.archfixture.calibration.leaky.LeakyRepository;

/** Breaks "a repository is used only inside its own feature package": another feature calls it directly. */
public class Intruder {

    public int count(LeakyRepository repository) {
        return repository.count();
    }
}
