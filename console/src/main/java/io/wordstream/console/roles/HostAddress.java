package io.wordstream.console.roles;

import io.wordstream.console.errors.UserError;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;

/** Checks that an address a role is told to listen on belongs to this host, before any daemon tries to bind it. */
public final class HostAddress {
    private HostAddress() {
    }

    /**
     * Returns {@code host} when this host has it (loopback, one of its interfaces' addresses, or the wildcard
     * 0.0.0.0 when it is named), else fails with one line naming {@code option}.
     */
    public static String requireLocal(String host, String option) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UserError("cannot resolve " + host + " (" + option + "); pass an address of this host");
        }
        try {
            if (address.isLoopbackAddress() || address.isAnyLocalAddress()
                    || NetworkInterface.getByInetAddress(address) != null) {
                return host;
            }
        } catch (SocketException e) {
            throw new UserError("cannot list this host's addresses to check " + host + " (" + option + "): "
                    + e.getMessage());
        }
        throw new UserError(host + " (" + option + ") is not an address of this host; pass one of its own addresses"
                + " ('ip -brief address' lists them), or leave " + option + " out for 127.0.0.1");
    }
}
